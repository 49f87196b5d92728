using System;
using System.Collections.Generic;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.EndToEnd.Replay
{
    /// <summary>
    /// What our meter must answer to each request of a replayed session, judged from the request
    /// alone (never from the trace's own server replies): an accepted AARE with conformance =
    /// proposed AND 001E1D, GET responses echoing the invoke-id with the expected value types, block
    /// transfer numbered 1, 2, ... while one runs and no-long-get-in-progress when none does, an
    /// RLRE for the RLRQ. Keeps the block-transfer state across requests.
    /// </summary>
    public sealed class ReplyExpectations
    {
        private readonly List<byte> _blocks = new List<byte>();
        private bool _inTransfer;
        private uint _lastBlock;
        private string _transferTarget = "";

        /// <summary>Object list entries decoded from the replies (0 until the list was read).</summary>
        public int ObjectListCount { get; private set; }

        /// <summary>GET-Response-With-Datablock replies seen.</summary>
        public int DataBlocks { get; private set; }

        /// <summary>Every request that was checked, as "request kind" strings (for messages).</summary>
        public List<string> Log { get; } = new List<string>();

        public void Check(byte[] request, byte[] reply, string where)
        {
            Assert.True(reply.Length > 0, where + ": no reply");
            switch (request[0])
            {
                case 0x60:
                    CheckAare(request, reply, where);
                    break;
                case 0x62:
                    Assert.Equal(0x63, reply[0]);
                    Log.Add("RLRQ -> RLRE");
                    break;
                case 0xC0:
                    CheckGet(request, reply, where);
                    break;
                default:
                    throw new InvalidOperationException(where + ": the replay has no expectation for APDU tag " + request[0].ToString("X2"));
            }
        }

        private void CheckAare(byte[] request, byte[] reply, string where)
        {
            AssociationResponse aare = AssociationResponse.Decode(reply);
            Assert.True(aare.IsAccepted, where + ": AARQ rejected, diagnostic " + aare.Diagnostic);
            int proposed = ProposedConformance(request);
            Assert.Equal((Conformance)(proposed & 0x001E1D), aare.NegotiatedConformance);
            Assert.Equal(1024, aare.ServerMaxReceivePduSize);
            _inTransfer = false;
            Log.Add("AARQ -> AARE accepted, conformance " + ((int)aare.NegotiatedConformance).ToString("X6"));
        }

        private void CheckGet(byte[] request, byte[] reply, string where)
        {
            GetResponse response = GetResponse.Decode(reply);
            Assert.True(request[2] == response.InvokeIdAndPriority, where + ": invoke-id-and-priority not echoed");
            if (request[1] == 0x01)
            {
                string target = Target(request);
                if (response.Kind == GetResponseKind.WithDatablock)
                {
                    Assert.Equal(1u, response.BlockNumber);
                    Assert.NotNull(response.RawData);
                    _blocks.Clear();
                    _blocks.AddRange(response.RawData!);
                    DataBlocks++;
                    _transferTarget = target;
                    _lastBlock = 1;
                    _inTransfer = !response.LastBlock;
                    if (response.LastBlock)
                    {
                        CheckValue(target, AxdrDecoder.Decode(_blocks.ToArray()), where);
                    }
                    Log.Add("GET " + target + " -> block 1");
                    return;
                }
                Assert.Equal(GetResponseKind.Normal, response.Kind);
                Assert.True(response.Result!.IsSuccess, where + ": GET " + target + " failed: " + response.Result);
                CheckValue(target, response.Result.Value!, where);
                _inTransfer = false;
                Log.Add("GET " + target + " -> data");
                return;
            }
            Assert.Equal(0x02, request[1]);
            uint acknowledged = (uint)((request[3] << 24) | (request[4] << 16) | (request[5] << 8) | request[6]);
            if (_inTransfer)
            {
                Assert.Equal(_lastBlock, acknowledged);
                Assert.Equal(GetResponseKind.WithDatablock, response.Kind);
                Assert.Equal(_lastBlock + 1, response.BlockNumber);
                Assert.NotNull(response.RawData);
                _blocks.AddRange(response.RawData!);
                DataBlocks++;
                _lastBlock = response.BlockNumber;
                if (response.LastBlock)
                {
                    _inTransfer = false;
                    CheckValue(_transferTarget, AxdrDecoder.Decode(_blocks.ToArray()), where);
                }
                Log.Add("GET-Next " + acknowledged + " -> block " + response.BlockNumber);
                return;
            }
            // No transfer runs (the value fitted, or it ended): the standard's answer is a
            // data-access-result, not a block.
            DataAccessResult? error = response.Kind == GetResponseKind.WithDatablock ? response.BlockError : response.Result?.Result;
            Assert.True(error == DataAccessResult.NoLongGetInProgress,
                where + ": GET-Next without a transfer answered " + Convert.ToHexString(reply));
            Log.Add("GET-Next " + acknowledged + " -> no-long-get-in-progress");
        }

        private void CheckValue(string target, DlmsValue value, string where)
        {
            switch (target)
            {
                case "15/0.0.40.0.0.255/2":
                    IReadOnlyList<ObjectListEntry> list = ObjectList.Decode(value);
                    Assert.Equal(57, list.Count); // 25 public objects + client 48's invocation counter 0.0.43.1.3.255 and its alias + 7 of tamper, alarms and frequency + 23 of billing, tariffs, monitors, limiter (ScheduleModel.cs, TariffModel.cs)
                    ObjectListCount = list.Count;
                    break;
                case "3/1.0.1.8.0.255/2":
                    Assert.Equal(DataType.DoubleLongUnsigned, value.Type);
                    break;
                case "3/1.0.1.8.0.255/3":
                    Assert.Equal(new ScalerUnit(0, 30), ScalerUnit.FromValue(value));
                    break;
                case "8/0.0.1.0.0.255/2":
                    Assert.Equal(DataType.OctetString, value.Type);
                    Assert.Equal(12, value.Bytes.Length);
                    break;
                default:
                    throw new InvalidOperationException(where + ": no expectation for " + target);
            }
        }

        private static string Target(byte[] get)
        {
            int classId = (get[3] << 8) | get[4];
            return classId + "/" + get[5] + "." + get[6] + "." + get[7] + "." + get[8] + "." + get[9] + "." + get[10] + "/" + get[11];
        }

        private static int ProposedConformance(byte[] aarq)
        {
            for (int i = 0; i + 6 < aarq.Length; i++)
            {
                if (aarq[i] == 0x5F && aarq[i + 1] == 0x1F && aarq[i + 2] == 0x04 && aarq[i + 3] == 0x00)
                {
                    return (aarq[i + 4] << 16) | (aarq[i + 5] << 8) | aarq[i + 6];
                }
            }
            throw new InvalidOperationException("AARQ without a conformance block");
        }
    }
}
