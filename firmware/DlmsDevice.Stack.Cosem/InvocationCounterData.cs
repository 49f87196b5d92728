using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The invocation counter a client has to beat, as a Data object (Blue Book class_id 1,
    /// version 0) 0.0.43.1.e.255, where e is the instance of the association's Security setup
    /// 0.0.43.0.e.255: attribute 2 is the last invocation counter accepted from that client with
    /// the global key (double-long-unsigned, 0 before any). A client that lost track reads it as
    /// the public client and continues with value + 1 (what dlms-cosem and Gurux' <c>-v</c>
    /// option do).
    /// </summary>
    /// <remarks>Read-only: SET is read-write-denied (the counter only moves by accepted APDUs).</remarks>
    public sealed class InvocationCounterData : CosemObject
    {
        /// <summary>Attribute indexes of the invocation counter object: those of Data (Blue Book IC 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name (0.0.43.1.e.255).</summary>
            public const int LogicalName = Data.Attributes.LogicalName;

            /// <summary>value (double-long-unsigned: the last invocation counter accepted from the client).</summary>
            public const int Value = Data.Attributes.Value;
        }

        private readonly InvocationCounterStore _counters;

        /// <summary>Creates the object <paramref name="logicalName"/> showing the client counter of <paramref name="counters"/>.</summary>
        /// <exception cref="ArgumentNullException">counters is null.</exception>
        public InvocationCounterData(ObisCode logicalName, InvocationCounterStore counters)
            : base(CosemClassId.Data, 0, logicalName)
        {
            if (counters == null)
            {
                throw new ArgumentNullException();
            }

            _counters = counters;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }

            writer.WriteDoubleLongUnsigned(_counters.Received.LastAccepted);
            return DataAccessResult.Success;
        }
    }
}
