using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The xDLMS conformance block (Green Book 9.4.6.1): a 24-bit BIT STRING where bit 0 is the most
    /// significant bit of the first byte. The enum values are the 24-bit big-endian wire value, so
    /// <c>0x001E1D</c> is the three bytes <c>00 1E 1D</c>.
    /// </summary>
    [Flags]
    public enum Conformance : uint
    {
        /// <summary>No service.</summary>
        None = 0,
        /// <summary>bit 1 general-protection.</summary>
        GeneralProtection = 0x400000,
        /// <summary>bit 2 general-block-transfer.</summary>
        GeneralBlockTransfer = 0x200000,
        /// <summary>bit 3 read (SN).</summary>
        Read = 0x100000,
        /// <summary>bit 4 write (SN).</summary>
        Write = 0x080000,
        /// <summary>bit 5 unconfirmed-write (SN).</summary>
        UnconfirmedWrite = 0x040000,
        /// <summary>bit 6 delta-value-encoding.</summary>
        DeltaValueEncoding = 0x020000,
        /// <summary>bit 8 attribute0-supported-with-SET.</summary>
        Attribute0SupportedWithSet = 0x008000,
        /// <summary>bit 9 priority-mgmt-supported.</summary>
        PriorityMgmtSupported = 0x004000,
        /// <summary>bit 10 attribute0-supported-with-GET.</summary>
        Attribute0SupportedWithGet = 0x002000,
        /// <summary>bit 11 block-transfer-with-get-or-read.</summary>
        BlockTransferWithGetOrRead = 0x001000,
        /// <summary>bit 12 block-transfer-with-set-or-write.</summary>
        BlockTransferWithSetOrWrite = 0x000800,
        /// <summary>bit 13 block-transfer-with-action.</summary>
        BlockTransferWithAction = 0x000400,
        /// <summary>bit 14 multiple-references.</summary>
        MultipleReferences = 0x000200,
        /// <summary>bit 15 information-report (SN).</summary>
        InformationReport = 0x000100,
        /// <summary>bit 16 data-notification.</summary>
        DataNotification = 0x000080,
        /// <summary>bit 17 access.</summary>
        Access = 0x000040,
        /// <summary>bit 18 parameterized-access (SN).</summary>
        ParameterizedAccess = 0x000020,
        /// <summary>bit 19 get.</summary>
        Get = 0x000010,
        /// <summary>bit 20 set.</summary>
        Set = 0x000008,
        /// <summary>bit 21 selective-access.</summary>
        SelectiveAccess = 0x000004,
        /// <summary>bit 22 event-notification.</summary>
        EventNotification = 0x000002,
        /// <summary>bit 23 action.</summary>
        Action = 0x000001,

        /// <summary>
        /// The client's default proposal, <c>00 1E 1D</c>: block transfer with GET/SET/ACTION,
        /// multiple-references, get, set, selective-access, action. It is GuruxDLMS.c's 0x401E1D
        /// without general-protection (this client does not cipher) and is the proposal of
        /// Trace A (docs/interop.md).
        /// </summary>
        Default = BlockTransferWithGetOrRead | BlockTransferWithSetOrWrite | BlockTransferWithAction
            | MultipleReferences | Get | Set | SelectiveAccess | Action,
    }

    /// <summary>Helpers for <see cref="Conformance"/>.</summary>
    public static class ConformanceNames
    {
        private static readonly string[] s_names =
        {
            "reserved-zero", "general-protection", "general-block-transfer", "read", "write", "unconfirmed-write",
            "delta-value-encoding", "reserved-seven", "attribute0-supported-with-set", "priority-mgmt-supported",
            "attribute0-supported-with-get", "block-transfer-with-get-or-read", "block-transfer-with-set-or-write",
            "block-transfer-with-action", "multiple-references", "information-report", "data-notification", "access",
            "parameterized-access", "get", "set", "selective-access", "event-notification", "action",
        };

        /// <summary>The standard's names of the bits that are set, in bit order.</summary>
        public static IReadOnlyList<string> Names(Conformance conformance)
        {
            var names = new List<string>();
            for (int bit = 0; bit < 24; bit++)
            {
                if (((uint)conformance & (0x800000u >> bit)) != 0)
                {
                    names.Add(s_names[bit]);
                }
            }
            return names;
        }

        /// <summary>"0x001E1D (block-transfer-with-get-or-read, ...)".</summary>
        public static string Describe(Conformance conformance) =>
            "0x" + ((uint)conformance).ToString("X6", System.Globalization.CultureInfo.InvariantCulture) + " (" + string.Join(", ", Names(conformance)) + ")";
    }
}
