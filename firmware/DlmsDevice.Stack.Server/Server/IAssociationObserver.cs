using DlmsDevice.Stack.Acse;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// What the host learns about the associations of a server (<see cref="DlmsServer.Observer"/>):
    /// for now, why one was refused. Called on the thread serving the request, after the answer
    /// (the AARE, or the action-result of reply_to_HLS_authentication) was written and before it
    /// is sent, under the same one-request-at-a-time rule as the sessions.
    /// </summary>
    /// <remarks>
    /// The server calls it only when something was refused; the request path of an accepted
    /// association never reaches it, so an implementation may allocate (a desktop host logs a
    /// line) without breaking the zero-allocation rule of the request path. It must not throw
    /// and should return quickly: the meter's other channels wait for it.
    /// </remarks>
    public interface IAssociationObserver
    {
        /// <summary>
        /// An association on <paramref name="session"/> (its <see cref="ApplicationSession.Context"/>
        /// holds the client SAP and logical device) was refused for <paramref name="reason"/>; the
        /// meaning of <paramref name="detail"/> and <paramref name="expected"/> is given for each
        /// value of <see cref="AssociationRefusal"/>.
        /// </summary>
        void AssociationRefused(ApplicationSession session, AssociationRefusal reason, long detail, long expected);
    }
}
