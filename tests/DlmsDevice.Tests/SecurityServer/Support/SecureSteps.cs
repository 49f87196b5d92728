using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>Common steps: associate with HLS, send a protected request and open the answer.</summary>
    internal static class SecureSteps
    {
        /// <summary>AARQ (accepted, pending) then the HLS reply (checked): the channel is associated.</summary>
        public static void Associate(SessionDriver driver, SecureClient client, Envelope envelope = Envelope.Glo, bool sameIc = false)
        {
            byte[] aare = driver.Exchange(client.Aarq());
            AareView view = client.ReadAare(aare, out _);
            Assert.True(view.Result == 0, "AARE " + Hex.Format(aare));
            if (client.Mechanism >= 2)
            {
                Assert.Equal(14, view.Diagnostic);
                Assert.Equal(AssociationStatus.AssociationPending, driver.Session.Context.Status);
                byte[] reply = client.Open(driver.Exchange(client.HlsReply(envelope, sameIc)));
                client.CheckServerHls(reply);
            }
            Assert.Equal(AssociationStatus.Associated, driver.Session.Context.Status);
        }

        /// <summary>Protects <paramref name="plainHex"/>, sends it, and returns the opened response as hex.</summary>
        public static string Request(SessionDriver driver, SecureClient client, string plainHex, Envelope envelope = Envelope.Glo, byte? securityControl = null)
        {
            byte[] response = driver.Exchange(client.Protect(Hex.Parse(plainHex), envelope, securityControl));
            return Hex.Format(client.Open(response));
        }
    }
}
