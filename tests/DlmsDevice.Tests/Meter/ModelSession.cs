using System;
using System.Collections.Generic;
using System.Text;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// The default meter model behind a real server session (ACSE, GET/SET/ACTION, block transfer),
    /// driven APDU by APDU without a link layer, the way a connection thread drives it.
    /// </summary>
    internal sealed class ModelSession
    {
        public const int Headroom = 16;

        public readonly MeterModel Model;
        public readonly ApplicationSession Session;
        public readonly byte[] Request = new byte[2048];
        public readonly byte[] Response = new byte[4096];
        public int ClientSap;

        public ModelSession(MeterModel model, int maxPdu = 1024)
        {
            Model = model;
            LogicalDeviceDirectory directory = new LogicalDeviceDirectory();
            directory.Add(model.Device);
            ServerLimits limits = new ServerLimits { MaxReceivePdu = maxPdu };
            Session = new DlmsServer(directory, limits).CreateSession();
        }

        /// <summary>Opens the link and associates: public client without a password, the meter reader with LLS.</summary>
        public ModelSession Associate(int clientSap, ushort clientMaxPdu = 0xFFFF)
        {
            ClientSap = clientSap;
            Session.LinkOpened(clientSap, 1);
            byte[] aarq = clientSap == DefaultMeterModel.MeterReaderClientSap
                ? AssociationRequest.Encode((Conformance)0x001E1D, clientMaxPdu, AuthenticationMechanism.Low, Password(Model.FindAssociation(clientSap)!))
                : AssociationRequest.Encode((Conformance)0x001E1D, clientMaxPdu);
            byte[] aare = Send(aarq);
            if (aare[0] != 0x61 || AssociationResponse.Decode(aare).Result != 0)
            {
                throw new InvalidOperationException("association rejected: " + Hex.Format(aare));
            }
            return this;
        }

        // The LLS password the association holds.
        private static byte[] Password(DlmsDevice.Stack.Cosem.AssociationLogicalName association)
        {
            byte[] secret = new byte[association.MaxSecretLength];
            return secret[..association.CopySecret(secret, 0)];
        }

        /// <summary>Sends one APDU, returns the response APDU.</summary>
        public byte[] Send(byte[] apdu)
        {
            int length = SendRaw(apdu);
            byte[] result = new byte[length];
            Array.Copy(Response, ResponseStart, result, 0, length);
            return result;
        }

        /// <summary>Allocation-free send: the response stays in <see cref="Response"/> at <see cref="ResponseStart"/>.</summary>
        public int SendRaw(byte[] apdu)
        {
            Array.Copy(apdu, 0, Request, 0, apdu.Length);
            lock (Model.SyncRoot)
            {
                int length = Session.HandleApdu(ClientSap, 1, Request, 0, apdu.Length, Response, Headroom, Response.Length - Headroom, out int start);
                ResponseStart = start;
                return length;
            }
        }

        /// <summary>Where the last response starts in <see cref="Response"/> (<see cref="Headroom"/> unless it came ciphered).</summary>
        public int ResponseStart { get; private set; } = Headroom;

        /// <summary>
        /// GET with all the blocks: the raw Data bytes of the attribute (block contents joined),
        /// and the number of GET-Request-Next sent.
        /// </summary>
        public byte[] GetAll(CosemAttribute attribute, SelectiveAccess? access, out int nextRequests)
        {
            nextRequests = 0;
            byte[] reply = Send(GetRequest.Normal(0xC1, attribute, access));
            List<byte> data = new List<byte>();
            while (true)
            {
                GetResponse response = GetResponse.Decode(reply);
                if (response.Kind == GetResponseKind.Normal)
                {
                    if (!response.Result!.IsSuccess)
                    {
                        throw new InvalidOperationException("GET failed: " + response.Result);
                    }
                    // C4 01 iid 00 <Data>
                    return reply.AsSpan(4).ToArray();
                }
                if (response.RawData == null)
                {
                    throw new InvalidOperationException("GET block failed: " + response.BlockError);
                }
                data.AddRange(response.RawData);
                if (response.LastBlock)
                {
                    return data.ToArray();
                }
                nextRequests++;
                reply = Send(GetRequest.Next(0xC1, response.BlockNumber));
            }
        }
    }
}
