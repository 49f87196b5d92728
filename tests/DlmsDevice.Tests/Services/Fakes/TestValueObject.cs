using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Services.Fakes
{
    /// <summary>
    /// A COSEM object whose attributes 2..n hold fixed A-XDR Data bytes. It records what the
    /// services hand it (selector, access parameters, written values) in preallocated buffers,
    /// so it can take part in zero-allocation tests.
    /// </summary>
    public sealed class TestValueObject : CosemObject
    {
        private readonly int _attributeCount;

        public TestValueObject(ushort classId, ObisCode logicalName, int attributeCount = 2)
            : base(classId, 0, logicalName)
        {
            _attributeCount = attributeCount;
            Values = new byte[attributeCount + 1][];
            GetResults = new DataAccessResult[attributeCount + 1];
            SetResults = new DataAccessResult[attributeCount + 1];
            for (int i = 0; i <= attributeCount; i++)
            {
                Values[i] = new byte[] { 0x00 };
            }
        }

        public override int AttributeCount => _attributeCount;

        /// <summary>Encoded Data per attribute id.</summary>
        public byte[][] Values { get; }

        /// <summary>Result to return from GET per attribute id (Success = write the value).</summary>
        public DataAccessResult[] GetResults { get; }

        /// <summary>Result to return from SET per attribute id.</summary>
        public DataAccessResult[] SetResults { get; }

        public int GetCount;
        public int SetCount;
        public int LastSelector = -1;
        public int LastAttribute;
        public bool LastParametersNull;
        public int LastParametersPositionFromStart = -1;
        public readonly byte[] LastParameters = new byte[512];
        public int LastParametersLength;
        public readonly byte[] LastWritten = new byte[8192];
        public int LastWrittenLength;

        public void SetValue(int attributeId, string hex) => Values[attributeId] = Support.Hex.Parse(hex);

        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            GetCount++;
            LastAttribute = attributeId;
            LastSelector = selector;
            LastParametersNull = parameters == null;
            if (parameters != null)
            {
                LastParametersPositionFromStart = parameters.Position - parameters.Start;
                LastParametersLength = parameters.Remaining;
                Array.Copy(parameters.Buffer, parameters.Position, LastParameters, 0, parameters.Remaining);
            }
            if (GetResults[attributeId] != DataAccessResult.Success)
            {
                return GetResults[attributeId];
            }
            byte[] value = Values[attributeId];
            writer.WriteBytes(value, 0, value.Length);
            return DataAccessResult.Success;
        }

        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            SetCount++;
            LastAttribute = attributeId;
            LastWrittenLength = value.Remaining;
            Array.Copy(value.Buffer, value.Position, LastWritten, 0, value.Remaining);
            if (value.SkipValue() != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            return SetResults[attributeId];
        }

        public byte[] Written()
        {
            byte[] copy = new byte[LastWrittenLength];
            Array.Copy(LastWritten, copy, LastWrittenLength);
            return copy;
        }
    }
}
