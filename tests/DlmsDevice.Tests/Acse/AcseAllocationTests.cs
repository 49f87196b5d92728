using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Acse
{
    public class AcseAllocationTests
    {
        [Fact]
        public void AssociateAndRelease_AfterWarmUp_AllocatesNothing()
        {
            byte[] plain = Hex.Parse(AcseVectors.TraceAAarq);
            byte[] lls = Hex.Parse(AcseVectors.DlmsCosemLlsAarq);
            byte[] hls = Hex.Parse(AcseVectors.GuruxNetHlsAarq);
            byte[] rlrq = Hex.Parse("6228800100BE230421211F3000000004DF0EF915C84395022DBFC61718247E8D70CC172AF8E599A77A76");
            byte[] truncated = new byte[20];
            Array.Copy(plain, truncated, truncated.Length);
            byte[] password = System.Text.Encoding.ASCII.GetBytes("Gurux");
            byte[] tx = new byte[512];

            var request = new AarqRequest();
            var response = new AareResponse();
            var release = new RlrqRequest();
            var publicClient = new AssociationParameters { ServerMaxReceivePdu = 0x04C8 };
            var meterReader = new AssociationParameters { MechanismId = MechanismName.Lls };
            meterReader.SetSecret(password, 0, password.Length);

            long total = 0;
            Action session = () =>
            {
                AarqParser.Parse(plain, 0, plain.Length, request);
                AssociationNegotiation.Negotiate(request, publicClient, response);
                AareWriter.Write(response, tx, 0, tx.Length, out int n1);

                AarqParser.Parse(lls, 0, lls.Length, request);
                AssociationNegotiation.Negotiate(request, meterReader, response);
                AareWriter.Write(response, tx, 0, tx.Length, out int n2);

                AarqParser.Parse(hls, 0, hls.Length, request);
                AssociationNegotiation.Negotiate(request, publicClient, response);
                AareWriter.Write(response, tx, 0, tx.Length, out int n3);

                if (AarqParser.Parse(truncated, 0, truncated.Length, request) != AcseStatus.Ok)
                {
                    AssociationNegotiation.RejectMalformed(publicClient, response);
                }

                AareWriter.Write(response, tx, 0, tx.Length, out int n4);

                RlrqParser.Parse(rlrq, 0, rlrq.Length, release);
                RlreWriter.Write(RlreWriter.ReasonNormal, rlrq, release.UserInformationOffset, release.UserInformationLength, tx, 0, tx.Length, out int n5);
                total += n1 + n2 + n3 + n4 + n5;
            };

            session(); // warm-up
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                session();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(total > 0);
        }
    }
}
