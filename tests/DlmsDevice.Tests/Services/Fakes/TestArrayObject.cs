using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Services.Fakes
{
    /// <summary>
    /// An object whose attribute 2 is an array of <see cref="ElementCount"/> elements
    /// <c>02 02 12 &lt;index u16&gt; 09 &lt;len&gt; &lt;ElementPayload bytes&gt;</c>, offered element by
    /// element (BeginArray/WriteArrayElement) and as a whole (GetAttribute). Selector 2 (entry
    /// descriptor from/to, 1-based) narrows the elements.
    /// </summary>
    public sealed class TestArrayObject : CosemObject
    {
        public TestArrayObject(ushort classId, ObisCode logicalName, int elementCount, int elementPayload)
            : base(classId, 0, logicalName)
        {
            ElementCount = elementCount;
            ElementPayload = elementPayload;
        }

        public override int AttributeCount => 3;

        public int ElementCount;
        public int ElementPayload;
        public bool OfferArray = true;
        public int FailAtIndex = -1;
        public int ElementWrites;
        public int BeginCount;
        public int LastSelector;
        public int ParametersPositionFromStart = -1;
        public readonly byte[] LastParameters = new byte[512];
        public int LastParametersLength;

        public byte[] Parameters()
        {
            var copy = new byte[LastParametersLength];
            System.Array.Copy(LastParameters, copy, LastParametersLength);
            return copy;
        }

        public override bool BeginArray(int attributeId, int selector, AxdrReader parameters, ArrayCursor cursor, CosemContext context, out DataAccessResult result)
        {
            result = DataAccessResult.Success;
            if (attributeId != 2 || !OfferArray)
            {
                return false;
            }
            BeginCount++;
            LastSelector = selector;
            cursor.From = 0;
            cursor.Count = ElementCount;
            LastParametersLength = 0;
            if (parameters != null)
            {
                ParametersPositionFromStart = parameters.Position - parameters.Start;
                LastParametersLength = parameters.Remaining;
                System.Array.Copy(parameters.Buffer, parameters.Position, LastParameters, 0, parameters.Remaining);
            }
            if (selector == 1)
            {
                // range_descriptor: this fake has no time column, so the selection is empty.
                cursor.Count = 0;
            }
            else if (selector == 2)
            {
                // entry_descriptor: structure { from_entry u32, to_entry u32, from_value u16, to_value u16 }
                int n;
                uint from, to;
                if (parameters!.ReadStructure(out n) != AxdrStatus.Ok || n != 4
                    || parameters.ReadDoubleLongUnsigned(out from) != AxdrStatus.Ok
                    || parameters.ReadDoubleLongUnsigned(out to) != AxdrStatus.Ok || from < 1)
                {
                    result = DataAccessResult.ScopeOfAccessViolated;
                    return true;
                }
                if (to == 0 || to > ElementCount)
                {
                    to = (uint)ElementCount;
                }
                cursor.From = (int)from - 1;
                cursor.Count = from > to ? 0 : (int)(to - from + 1);
            }
            else if (selector != 0)
            {
                result = DataAccessResult.ScopeOfAccessViolated;
            }
            return true;
        }

        public override DataAccessResult WriteArrayElement(int attributeId, ArrayCursor cursor, AxdrWriter writer, CosemContext context)
        {
            ElementWrites++;
            int index = cursor.From + cursor.Index;
            if (index == FailAtIndex)
            {
                return DataAccessResult.HardwareFault;
            }
            WriteElement(writer, index);
            return DataAccessResult.Success;
        }

        private void WriteElement(AxdrWriter writer, int index)
        {
            writer.WriteStructure(2);
            writer.WriteLongUnsigned((ushort)index);
            writer.WriteByte(0x09);
            writer.WriteLength(ElementPayload);
            for (int j = 0; j < ElementPayload; j++)
            {
                writer.WriteByte((byte)(index + j));
            }
        }

        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (attributeId == 3)
            {
                writer.WriteUnsigned(7);
                return DataAccessResult.Success;
            }
            writer.WriteArray(ElementCount);
            for (int i = 0; i < ElementCount; i++)
            {
                if (i == FailAtIndex)
                {
                    return DataAccessResult.HardwareFault;
                }
                WriteElement(writer, i);
            }
            return DataAccessResult.Success;
        }

        /// <summary>The whole attribute 2 as GetAttribute encodes it (the reference for block tests).</summary>
        public byte[] PlainEncoding()
        {
            var buffer = new byte[1 << 20];
            var writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            OnGetAttribute(2, 0, null!, writer, null!);
            var result = new byte[writer.Length];
            System.Array.Copy(buffer, result, result.Length);
            return result;
        }
    }
}
