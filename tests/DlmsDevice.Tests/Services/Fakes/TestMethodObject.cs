using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Services.Fakes
{
    /// <summary>
    /// An object with methods: 1 returns <see cref="Method1Return"/> (raw Data bytes) when set,
    /// 2 returns an octet-string of <see cref="BigReturnLength"/> bytes, 3 returns nothing,
    /// 4 fails with <see cref="Method4Result"/>. Records the parameters it was given.
    /// </summary>
    public sealed class TestMethodObject : CosemObject
    {
        public TestMethodObject(ushort classId, ObisCode logicalName)
            : base(classId, 0, logicalName)
        {
        }

        public override int AttributeCount => 2;
        public override int MethodCount => 4;

        public byte[]? Method1Return;
        public int BigReturnLength = 500;
        public ActionResult Method4Result = ActionResult.TemporaryFailure;
        public int InvokeCount;
        public int LastMethod;
        public bool LastParametersNull;
        public readonly byte[] LastParameters = new byte[8192];
        public int LastParametersLength;

        public byte[] Parameters()
        {
            var copy = new byte[LastParametersLength];
            Array.Copy(LastParameters, copy, LastParametersLength);
            return copy;
        }

        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            writer.WriteUnsigned(1);
            return DataAccessResult.Success;
        }

        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            InvokeCount++;
            LastMethod = methodId;
            LastParametersNull = parameters == null;
            LastParametersLength = 0;
            if (parameters != null)
            {
                LastParametersLength = parameters.Remaining;
                Array.Copy(parameters.Buffer, parameters.Position, LastParameters, 0, parameters.Remaining);
            }
            switch (methodId)
            {
                case 1:
                    if (Method1Return != null)
                    {
                        returnParameters.WriteBytes(Method1Return, 0, Method1Return.Length);
                    }
                    return ActionResult.Success;
                case 2:
                    returnParameters.WriteByte(0x09);
                    returnParameters.WriteLength(BigReturnLength);
                    for (int i = 0; i < BigReturnLength; i++)
                    {
                        returnParameters.WriteByte((byte)i);
                    }
                    return ActionResult.Success;
                case 3:
                    return ActionResult.Success;
                default:
                    return Method4Result;
            }
        }
    }
}
