using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    // GET requests and responses (Green Book xDLMS ASN.1: Get-Request, Get-Response, DataBlock-G),
    // the blocks of a long GET put together by the session.
    internal static partial class ApduAnnotator
    {
        private static void GetRequest(ByteCursor c, Annotation root, TraceSession session)
        {
            Tag(c, root);
            byte type = Choice(c, root, "get-request choice", v => v switch
            {
                1 => "get-request-normal [1]",
                2 => "get-request-next [2]",
                3 => "get-request-with-list [3]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                    session.LastGetWasList = false;
                    Descriptor(c, root, "cosem-attribute-descriptor", false);
                    AccessSelection(c, root);
                    break;
                case 2:
                    UInt32(c, root, "block-number");
                    root.Children[^1].Meaning += " (the block received, acknowledged: send the next)";
                    break;
                case 3:
                {
                    session.LastGetWasList = true;
                    int count = c.Length("attribute-descriptor-list count", out byte[] raw);
                    Annotation list = root.Add("attribute-descriptor-list", raw, count.ToString(CultureInfo.InvariantCulture) + " items");
                    for (int i = 0; i < count; i++)
                    {
                        Annotation item = list.Add("Cosem-Attribute-Descriptor-With-Selection " + (i + 1).ToString(CultureInfo.InvariantCulture));
                        Descriptor(c, item, "cosem-attribute-descriptor", false);
                        AccessSelection(c, item);
                    }
                    break;
                }
            }
        }

        private static void GetResponse(ByteCursor c, Annotation root, TraceSession session)
        {
            Tag(c, root);
            byte type = Choice(c, root, "get-response choice", v => v switch
            {
                1 => "get-response-normal [1]",
                2 => "get-response-with-datablock [2]",
                3 => "get-response-with-list [3]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                    DataResult(c, root, "result");
                    break;
                case 2:
                {
                    Annotation block = root.Add("result", "DataBlock-G");
                    bool last = Boolean(c, block, "last-block");
                    uint number = UInt32(c, block, "block-number");
                    byte choice = c.TakeByte("result choice");
                    if (choice == 0)
                    {
                        int length = c.Length("raw-data length", out byte[] lengthRaw);
                        byte[] data = c.Take(length, "raw-data");
                        block.Add("result", new[] { choice }, "raw-data [0]");
                        block.Add("raw-data", AxdrAnnotator.Concat(lengthRaw, data), "octet string of " + length.ToString(CultureInfo.InvariantCulture) + " bytes");
                        byte[]? whole = session.CollectGetBlock(number, last, data, block);
                        if (whole is not null)
                        {
                            Annotation value = session.LastGetWasList
                                ? ResultList(whole, "reassembled value (" + whole.Length.ToString(CultureInfo.InvariantCulture) + " bytes from blocks 1.." + number.ToString(CultureInfo.InvariantCulture) + ")")
                                : AxdrAnnotator.AnnotateAll(whole, "reassembled value");
                            if (!session.LastGetWasList)
                            {
                                value.Meaning = whole.Length.ToString(CultureInfo.InvariantCulture) + " bytes from blocks 1.." + number.ToString(CultureInfo.InvariantCulture);
                            }
                            root.Add(value);
                        }
                    }
                    else
                    {
                        Annotation node = block.Add("result", new[] { choice }, "data-access-result [1]");
                        DataAccessResultField(c, node, "data-access-result");
                    }
                    break;
                }
                case 3:
                {
                    int count = c.Length("result count", out byte[] raw);
                    Annotation list = root.Add("result", raw, "SEQUENCE OF Get-Data-Result, " + count.ToString(CultureInfo.InvariantCulture) + " items");
                    for (int i = 0; i < count; i++)
                    {
                        DataResult(c, list, "Get-Data-Result " + (i + 1).ToString(CultureInfo.InvariantCulture));
                    }
                    break;
                }
            }
        }

        private static Annotation ResultList(byte[] whole, string name)
        {
            var node = new Annotation(name, ReadOnlySpan<byte>.Empty);
            var c = new ByteCursor(whole);
            try
            {
                int count = c.Length("result count", out byte[] raw);
                Annotation list = node.Add("result", raw, "SEQUENCE OF Get-Data-Result, " + count.ToString(CultureInfo.InvariantCulture) + " items");
                for (int i = 0; i < count; i++)
                {
                    DataResult(c, list, "Get-Data-Result " + (i + 1).ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (AnnotationTruncatedException e)
            {
                node.AddError("truncated: " + e.Message);
            }
            return node;
        }
    }
}
