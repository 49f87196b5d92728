namespace DlmsDevice.Stack.Cosem
{
    /// <summary>control_state of Disconnect control (Blue Book IC 70, attribute 3).</summary>
    public enum ControlState : byte
    {
        /// <summary>disconnected (0): output_state false, the supply is off.</summary>
        Disconnected = 0,

        /// <summary>connected (1): output_state true, the supply is on.</summary>
        Connected = 1,

        /// <summary>ready_for_reconnection (2): output_state false; a manual or local reconnection closes the switch.</summary>
        ReadyForReconnection = 2,
    }

    /// <summary>
    /// control_mode of Disconnect control (Blue Book IC 70, attribute 4): which triggers may
    /// change the state. Transitions (Blue Book state diagram): a remote_reconnect
    /// disconnected to connected; b remote_disconnect connected to disconnected; c
    /// remote_disconnect ready to disconnected; d remote_reconnect disconnected to ready; e
    /// manual_reconnect ready to connected; f manual_disconnect connected to ready; g
    /// local_disconnect connected to ready; h local_reconnect ready to connected.
    /// </summary>
    public enum ControlMode : byte
    {
        /// <summary>0: always connected; no transition is allowed.</summary>
        None = 0,

        /// <summary>1: disconnect remote (b, c), manual (f), local (g); reconnect remote (d, to ready), manual (e).</summary>
        Mode1 = 1,

        /// <summary>2: disconnect remote (b, c), manual (f), local (g); reconnect remote (a, direct), manual (e).</summary>
        Mode2 = 2,

        /// <summary>3: disconnect remote (b, c), local (g); reconnect remote (d), manual (e).</summary>
        Mode3 = 3,

        /// <summary>4: disconnect remote (b, c), local (g); reconnect remote (a), manual (e).</summary>
        Mode4 = 4,

        /// <summary>5: disconnect remote (b, c), manual (f), local (g); reconnect remote (d), manual (e), local (h).</summary>
        Mode5 = 5,

        /// <summary>6: disconnect remote (b, c), local (g); reconnect remote (d), manual (e), local (h).</summary>
        Mode6 = 6,
    }

    /// <summary>What asked the disconnect control to change state.</summary>
    public enum DisconnectTrigger : byte
    {
        /// <summary>Method 1 remote_disconnect (transitions b, c).</summary>
        RemoteDisconnect = 0,

        /// <summary>Method 2 remote_reconnect (transitions a, d).</summary>
        RemoteReconnect = 1,

        /// <summary>The customer's push button or a local command, disconnecting (f).</summary>
        ManualDisconnect = 2,

        /// <summary>The customer's push button, reconnecting (e).</summary>
        ManualReconnect = 3,

        /// <summary>A local function of the meter, e.g. a limiter or supervision (g).</summary>
        LocalDisconnect = 4,

        /// <summary>A local function of the meter ending its disconnection (h).</summary>
        LocalReconnect = 5,
    }

    /// <summary>What became of a trigger.</summary>
    public enum DisconnectOutcome : byte
    {
        /// <summary>The state changed.</summary>
        Changed = 0,

        /// <summary>The object already was where the trigger leads (or the trigger has no transition from this state): nothing to do.</summary>
        Unchanged = 1,

        /// <summary>The control mode does not allow this trigger.</summary>
        NotAllowed = 2,

        /// <summary>The switch did not operate; the state is as before.</summary>
        SwitchFailed = 3,
    }

    /// <summary>
    /// The application side of a <see cref="DisconnectControl"/>: drives the supply switch
    /// (relay), saves the new state and logs the change, before the object's state changes.
    /// </summary>
    public interface IDisconnectHandler
    {
        /// <summary>
        /// Called before the state changes from <paramref name="current"/> to
        /// <paramref name="target"/> because of <paramref name="trigger"/>; output_state becomes
        /// <c>target == Connected</c>. Save the new state first (so a power loss in between
        /// cannot undo a disconnection), then drive the switch if the output changes.
        /// </summary>
        /// <returns>False when the switch did not operate: the object then keeps its state.</returns>
        bool ChangeState(DisconnectTrigger trigger, ControlState current, ControlState target);
    }
}
