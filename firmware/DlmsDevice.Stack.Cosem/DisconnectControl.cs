using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Disconnect control (Blue Book 4.5.8, class_id 70, version 0), normally 0.0.96.3.10.255:
    /// the supply disconnector (relay) of the meter and the state machine that decides who may
    /// open and close it.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 output_state (boolean: true = supply connected),
    /// 3 control_state (enum: 0 disconnected, 1 connected, 2 ready_for_reconnection),
    /// 4 control_mode (enum 0..6, <see cref="Cosem.ControlMode"/>). Methods: 1 remote_disconnect,
    /// 2 remote_reconnect, both <c>data ::= integer(0)</c>.</para>
    /// <para>Every trigger goes through one table (<see cref="Apply"/>): the control mode says
    /// whether the trigger is allowed at all, the state says where it leads. A trigger with no
    /// transition from the current state (remote_disconnect when already disconnected) changes
    /// nothing and the method still succeeds: it is idempotent. A trigger the mode forbids
    /// (every trigger in mode 0, manual_disconnect in modes 3, 4, 6, local_reconnect outside
    /// modes 5, 6) changes nothing; the methods then answer other-reason.</para>
    /// <para>Before every state change <see cref="IDisconnectHandler.ChangeState"/> runs (the
    /// application saves the new state, drives the relay, logs the event); if the switch does
    /// not operate, the state stays as it was and the method answers hardware-fault.
    /// control_mode may be written (0..6; scope-of-access-violated otherwise);
    /// mode 0 ("always connected") only while connected. output_state and control_state are
    /// read-only over the protocol. Allocates nothing.</para>
    /// </remarks>
    public sealed class DisconnectControl : CosemObject
    {
        /// <summary>Attribute indexes of Disconnect control (Blue Book IC 70).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>output_state.</summary>
            public const int OutputState = 2;

            /// <summary>control_state.</summary>
            public const int ControlState = 3;

            /// <summary>control_mode.</summary>
            public const int ControlMode = 4;
        }

        /// <summary>Method indexes of Disconnect control (Blue Book IC 70).</summary>
        public static class Methods
        {
            /// <summary>remote_disconnect.</summary>
            public const int RemoteDisconnect = 1;

            /// <summary>remote_reconnect.</summary>
            public const int RemoteReconnect = 2;
        }

        /// <summary>Highest control_mode value.</summary>
        public const byte MaxControlMode = 6;

        private IDisconnectHandler _handler;
        private bool _outputState;
        private ControlState _controlState;
        private ControlMode _controlMode;

        /// <summary>
        /// Creates a Disconnect control in state connected (output true), control mode
        /// <paramref name="mode"/>; <paramref name="handler"/> drives the switch (may be null:
        /// then only the attributes change; see <see cref="Handler"/>).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is above 6.</exception>
        public DisconnectControl(ObisCode logicalName, ControlMode mode, IDisconnectHandler handler)
            : base(CosemClassId.DisconnectControl, 0, logicalName)
        {
            if ((byte)mode > MaxControlMode)
            {
                throw new ArgumentOutOfRangeException();
            }
            _handler = handler;
            _controlMode = mode;
            _controlState = ControlState.Connected;
            _outputState = true;
        }

        /// <summary>The application side (relay, persistence, event log); may be null. Configuration time.</summary>
        public IDisconnectHandler Handler
        {
            get { return _handler; }
            set { _handler = value; }
        }

        /// <summary>output_state (attribute 2): true = supply connected.</summary>
        public bool OutputState
        {
            get { return _outputState; }
        }

        /// <summary>control_state (attribute 3).</summary>
        public ControlState ControlState
        {
            get { return _controlState; }
        }

        /// <summary>control_mode (attribute 4). Configuration: values above 6 are ignored.</summary>
        public ControlMode ControlMode
        {
            get { return _controlMode; }
            set
            {
                if ((byte)value <= MaxControlMode)
                {
                    _controlMode = value;
                }
            }
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 4; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 2; }
        }

        /// <summary>
        /// Puts back a state saved before a restart, without a trigger: output_state follows the
        /// state, the handler is not called (the application drives its switch itself at start-up).
        /// </summary>
        public void Restore(ControlState state)
        {
            if ((byte)state > (byte)ControlState.ReadyForReconnection)
            {
                return;
            }
            _controlState = state;
            _outputState = state == ControlState.Connected;
        }

        /// <summary>Method 1 (remote_disconnect), also for the application.</summary>
        public DisconnectOutcome RemoteDisconnect()
        {
            return Apply(DisconnectTrigger.RemoteDisconnect);
        }

        /// <summary>Method 2 (remote_reconnect), also for the application.</summary>
        public DisconnectOutcome RemoteReconnect()
        {
            return Apply(DisconnectTrigger.RemoteReconnect);
        }

        /// <summary>The customer's push button (or a local command) asks to disconnect.</summary>
        public DisconnectOutcome ManualDisconnect()
        {
            return Apply(DisconnectTrigger.ManualDisconnect);
        }

        /// <summary>The customer's push button asks to reconnect.</summary>
        public DisconnectOutcome ManualReconnect()
        {
            return Apply(DisconnectTrigger.ManualReconnect);
        }

        /// <summary>A local function of the meter (limiter, supervision) disconnects.</summary>
        public DisconnectOutcome LocalDisconnect()
        {
            return Apply(DisconnectTrigger.LocalDisconnect);
        }

        /// <summary>A local function of the meter ends its disconnection.</summary>
        public DisconnectOutcome LocalReconnect()
        {
            return Apply(DisconnectTrigger.LocalReconnect);
        }

        /// <summary>Runs <paramref name="trigger"/> through the state machine of the current control mode.</summary>
        public DisconnectOutcome Apply(DisconnectTrigger trigger)
        {
            if (!IsAllowed(_controlMode, trigger))
            {
                return DisconnectOutcome.NotAllowed;
            }
            ControlState target;
            if (!TryGetTarget(_controlMode, _controlState, trigger, out target))
            {
                return DisconnectOutcome.Unchanged;
            }
            if (_handler != null && !_handler.ChangeState(trigger, _controlState, target))
            {
                return DisconnectOutcome.SwitchFailed;
            }
            _controlState = target;
            _outputState = target == ControlState.Connected;
            return DisconnectOutcome.Changed;
        }

        /// <summary>Whether <paramref name="mode"/> allows <paramref name="trigger"/> at all (Blue Book IC 70 control_mode table).</summary>
        public static bool IsAllowed(ControlMode mode, DisconnectTrigger trigger)
        {
            if (mode == ControlMode.None || (byte)mode > MaxControlMode)
            {
                return false;
            }
            switch (trigger)
            {
                case DisconnectTrigger.RemoteDisconnect:
                case DisconnectTrigger.RemoteReconnect:
                case DisconnectTrigger.ManualReconnect:
                case DisconnectTrigger.LocalDisconnect:
                    return true;
                case DisconnectTrigger.ManualDisconnect:
                    // f: modes 1, 2, 5.
                    return mode == ControlMode.Mode1 || mode == ControlMode.Mode2 || mode == ControlMode.Mode5;
                case DisconnectTrigger.LocalReconnect:
                    // h: modes 5, 6.
                    return mode == ControlMode.Mode5 || mode == ControlMode.Mode6;
                default:
                    return false;
            }
        }

        // Where an allowed trigger leads from 'state'; false when it has no transition from there.
        private static bool TryGetTarget(ControlMode mode, ControlState state, DisconnectTrigger trigger, out ControlState target)
        {
            target = state;
            switch (trigger)
            {
                case DisconnectTrigger.RemoteDisconnect:
                    // b (connected) and c (ready_for_reconnection) lead to disconnected.
                    if (state == ControlState.Disconnected)
                    {
                        return false;
                    }
                    target = ControlState.Disconnected;
                    return true;
                case DisconnectTrigger.RemoteReconnect:
                    if (state != ControlState.Disconnected)
                    {
                        return false;
                    }
                    // a (modes 2, 4): straight to connected; d (modes 1, 3, 5, 6): ready for a manual reconnection.
                    target = mode == ControlMode.Mode2 || mode == ControlMode.Mode4
                        ? ControlState.Connected
                        : ControlState.ReadyForReconnection;
                    return true;
                case DisconnectTrigger.ManualDisconnect:
                case DisconnectTrigger.LocalDisconnect:
                    // f, g: connected to ready_for_reconnection.
                    if (state != ControlState.Connected)
                    {
                        return false;
                    }
                    target = ControlState.ReadyForReconnection;
                    return true;
                case DisconnectTrigger.ManualReconnect:
                case DisconnectTrigger.LocalReconnect:
                    // e, h: ready_for_reconnection to connected.
                    if (state != ControlState.ReadyForReconnection)
                    {
                        return false;
                    }
                    target = ControlState.Connected;
                    return true;
                default:
                    return false;
            }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.OutputState:
                    writer.WriteBoolean(_outputState);
                    break;
                case Attributes.ControlState:
                    writer.WriteEnum((byte)_controlState);
                    break;
                case Attributes.ControlMode:
                    writer.WriteEnum((byte)_controlMode);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            if (attributeId != Attributes.ControlMode)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            int start = value.Position;
            byte mode;
            if (value.ReadEnum(out mode) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (mode > MaxControlMode || (mode == 0 && _controlState != ControlState.Connected))
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            _controlMode = (ControlMode)mode;
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            int start = parameters != null ? parameters.Position : 0;
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            DisconnectOutcome outcome = Apply(methodId == Methods.RemoteDisconnect ? DisconnectTrigger.RemoteDisconnect : DisconnectTrigger.RemoteReconnect);
            if (outcome == DisconnectOutcome.Changed || outcome == DisconnectOutcome.Unchanged)
            {
                return ActionResult.Success;
            }
            // A failed invocation leaves the parameters where they were (peek, validate, advance).
            if (parameters != null)
            {
                parameters.Position = start;
            }
            return outcome == DisconnectOutcome.SwitchFailed ? ActionResult.HardwareFault : ActionResult.OtherReason;
        }
    }
}
