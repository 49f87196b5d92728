using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Hook for the High Level Security methods of Association LN (Blue Book 4.4.4, methods 1
    /// reply_to_HLS_authentication and 2 change_HLS_secret), supplied by the security layer.
    /// Without one, both methods answer read-write-denied.
    /// </summary>
    public interface IHlsAuthentication
    {
        /// <summary>
        /// HLS pass 3/4: checks the client's f(StoC) in <paramref name="parameters"/> (an
        /// octet-string), on success writes f(CtoS) as an octet-string to
        /// <paramref name="returnParameters"/> and moves <paramref name="context"/> to associated.
        /// </summary>
        ActionResult ReplyToHlsAuthentication(AssociationLogicalName association, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context);

        /// <summary>Replaces the HLS secret of <paramref name="association"/> with the octet-string in <paramref name="parameters"/>.</summary>
        ActionResult ChangeHlsSecret(AssociationLogicalName association, AxdrReader parameters, CosemContext context);
    }
}
