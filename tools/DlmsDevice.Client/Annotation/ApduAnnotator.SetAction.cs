using System.Globalization;

namespace DlmsDevice.Client
{
    // SET and ACTION requests and responses (Green Book xDLMS ASN.1: Set-Request, Set-Response,
    // Action-Request, Action-Response with their CHOICEs).
    internal static partial class ApduAnnotator
    {
        private static void SetRequest(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte type = Choice(c, root, "set-request choice", v => v switch
            {
                1 => "set-request-normal [1]",
                2 => "set-request-with-first-datablock [2]",
                3 => "set-request-with-datablock [3]",
                4 => "set-request-with-list [4]",
                5 => "set-request-with-list-and-first-datablock [5]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                    Descriptor(c, root, "cosem-attribute-descriptor", false);
                    AccessSelection(c, root);
                    root.Add(AxdrAnnotator.Annotate(c, "value", 0));
                    break;
                case 2:
                    Descriptor(c, root, "cosem-attribute-descriptor", false);
                    AccessSelection(c, root);
                    DataBlockSa(c, root);
                    break;
                case 3:
                    DataBlockSa(c, root);
                    break;
                case 4:
                case 5:
                {
                    int count = c.Length("attribute-descriptor-list count", out byte[] raw);
                    Annotation list = root.Add("attribute-descriptor-list", raw, count.ToString(CultureInfo.InvariantCulture) + " items");
                    for (int i = 0; i < count; i++)
                    {
                        Annotation item = list.Add("Cosem-Attribute-Descriptor-With-Selection " + (i + 1).ToString(CultureInfo.InvariantCulture));
                        Descriptor(c, item, "cosem-attribute-descriptor", false);
                        AccessSelection(c, item);
                    }
                    if (type == 5)
                    {
                        DataBlockSa(c, root);
                        break;
                    }
                    int values = c.Length("value-list count", out byte[] valuesRaw);
                    Annotation valueList = root.Add("value-list", valuesRaw, values.ToString(CultureInfo.InvariantCulture) + " values");
                    for (int i = 0; i < values; i++)
                    {
                        valueList.Add(AxdrAnnotator.Annotate(c, "value " + (i + 1).ToString(CultureInfo.InvariantCulture), 0));
                    }
                    break;
                }
            }
        }

        // DataBlock-SA: last-block, block-number, raw-data.
        private static void DataBlockSa(ByteCursor c, Annotation root)
        {
            Annotation block = root.Add("datablock", "DataBlock-SA");
            Boolean(c, block, "last-block");
            UInt32(c, block, "block-number");
            int length = c.Length("raw-data length", out byte[] lengthRaw);
            byte[] data = c.Take(length, "raw-data");
            block.Add("raw-data", AxdrAnnotator.Concat(lengthRaw, data), "octet string of " + length.ToString(CultureInfo.InvariantCulture) + " bytes (a piece of the encoded value)");
        }

        private static void SetResponse(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte type = Choice(c, root, "set-response choice", v => v switch
            {
                1 => "set-response-normal [1]",
                2 => "set-response-datablock [2]",
                3 => "set-response-last-datablock [3]",
                4 => "set-response-last-datablock-with-list [4]",
                5 => "set-response-with-list [5]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                    DataAccessResultField(c, root, "result");
                    break;
                case 2:
                    UInt32(c, root, "block-number");
                    break;
                case 3:
                    DataAccessResultField(c, root, "result");
                    UInt32(c, root, "block-number");
                    break;
                case 4:
                case 5:
                {
                    int count = c.Length("result count", out byte[] raw);
                    Annotation list = root.Add("result", raw, count.ToString(CultureInfo.InvariantCulture) + " results");
                    for (int i = 0; i < count; i++)
                    {
                        DataAccessResultField(c, list, "Data-Access-Result " + (i + 1).ToString(CultureInfo.InvariantCulture));
                    }
                    if (type == 4)
                    {
                        UInt32(c, root, "block-number");
                    }
                    break;
                }
            }
        }

        private static void ActionRequest(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte type = Choice(c, root, "action-request choice", v => v switch
            {
                1 => "action-request-normal [1]",
                2 => "action-request-next-pblock [2]",
                3 => "action-request-with-list [3]",
                4 => "action-request-with-first-pblock [4]",
                5 => "action-request-with-list-and-first-pblock [5]",
                6 => "action-request-with-pblock [6]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                {
                    Descriptor(c, root, "cosem-method-descriptor", true);
                    byte present = c.TakeByte("method-invocation-parameters");
                    if (present == 0)
                    {
                        root.Add("method-invocation-parameters", new[] { present }, "absent");
                    }
                    else
                    {
                        Annotation p = root.Add("method-invocation-parameters", new[] { present }, "present");
                        p.Add(AxdrAnnotator.Annotate(c, "Data", 0));
                    }
                    break;
                }
                case 2:
                    UInt32(c, root, "block-number");
                    break;
                case 3:
                {
                    int count = c.Length("cosem-method-descriptor-list count", out byte[] raw);
                    Annotation list = root.Add("cosem-method-descriptor-list", raw, count.ToString(CultureInfo.InvariantCulture) + " items");
                    for (int i = 0; i < count; i++)
                    {
                        Descriptor(c, list, "cosem-method-descriptor " + (i + 1).ToString(CultureInfo.InvariantCulture), true);
                    }
                    int values = c.Length("method-invocation-parameters count", out byte[] valuesRaw);
                    Annotation valueList = root.Add("method-invocation-parameters", valuesRaw, values.ToString(CultureInfo.InvariantCulture) + " values");
                    for (int i = 0; i < values; i++)
                    {
                        valueList.Add(AxdrAnnotator.Annotate(c, "Data " + (i + 1).ToString(CultureInfo.InvariantCulture), 0));
                    }
                    break;
                }
                case 4:
                    Descriptor(c, root, "cosem-method-descriptor", true);
                    DataBlockSa(c, root);
                    break;
                case 5:
                {
                    int count = c.Length("cosem-method-descriptor-list count", out byte[] raw);
                    Annotation list = root.Add("cosem-method-descriptor-list", raw, count.ToString(CultureInfo.InvariantCulture) + " items");
                    for (int i = 0; i < count; i++)
                    {
                        Descriptor(c, list, "cosem-method-descriptor " + (i + 1).ToString(CultureInfo.InvariantCulture), true);
                    }
                    DataBlockSa(c, root);
                    break;
                }
                case 6:
                    DataBlockSa(c, root);
                    break;
            }
        }

        private static void ActionResponse(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte type = Choice(c, root, "action-response choice", v => v switch
            {
                1 => "action-response-normal [1]",
                2 => "action-response-with-pblock [2]",
                3 => "action-response-with-list [3]",
                4 => "action-response-next-pblock [4]",
                _ => "unknown [" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            InvokeId(c, root);
            switch (type)
            {
                case 1:
                    ActionResultWithData(c, root, "single-response");
                    break;
                case 2:
                {
                    Annotation block = root.Add("pblock", "DataBlock-SA");
                    Boolean(c, block, "last-block");
                    UInt32(c, block, "block-number");
                    int length = c.Length("raw-data length", out byte[] lengthRaw);
                    byte[] data = c.Take(length, "raw-data");
                    block.Add("raw-data", AxdrAnnotator.Concat(lengthRaw, data), "octet string of " + length.ToString(CultureInfo.InvariantCulture) + " bytes");
                    break;
                }
                case 3:
                {
                    int count = c.Length("list-of-responses count", out byte[] raw);
                    Annotation list = root.Add("list-of-responses", raw, count.ToString(CultureInfo.InvariantCulture) + " responses");
                    for (int i = 0; i < count; i++)
                    {
                        ActionResultWithData(c, list, "Action-Response-With-Optional-Data " + (i + 1).ToString(CultureInfo.InvariantCulture));
                    }
                    break;
                }
                case 4:
                    UInt32(c, root, "block-number");
                    break;
            }
        }

        // Action-Response-With-Optional-Data: result (Action-Result), return-parameters OPTIONAL (Get-Data-Result).
        private static void ActionResultWithData(ByteCursor c, Annotation parent, string name)
        {
            Annotation node = parent.Add(name, "Action-Response-With-Optional-Data");
            byte result = c.TakeByte("result");
            node.Add("result", new[] { result }, result.ToString(CultureInfo.InvariantCulture) + " " + DataAccessResults.Name((DataAccessResult)result));
            byte present = c.TakeByte("return-parameters");
            if (present == 0)
            {
                node.Add("return-parameters", new[] { present }, "absent");
                return;
            }
            Annotation p = node.Add("return-parameters", new[] { present }, "present");
            DataResult(c, p, "Get-Data-Result");
        }
    }
}
