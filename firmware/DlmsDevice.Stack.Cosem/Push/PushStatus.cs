namespace DlmsDevice.Stack.Cosem
{
    /// <summary>What building or protecting a DataNotification came to (<see cref="DataNotificationBuilder"/>).</summary>
    public enum PushStatus
    {
        /// <summary>Built (and protected, when asked).</summary>
        Ok = 0,

        /// <summary>The notification does not fit the buffer (the push_object_list's values are too long for the APDU size).</summary>
        TooLong,

        /// <summary>
        /// No transmit invocation counter could be taken (counters not loaded, worn out, or their
        /// reservation could not be written): the push is not sent, never sent with a reused
        /// counter and never sent in clear instead.
        /// </summary>
        CounterUnavailable,

        /// <summary>The Security setup has no keys, or its policy asks for a protection suite 0 cannot give.</summary>
        SecurityUnavailable,
    }
}
