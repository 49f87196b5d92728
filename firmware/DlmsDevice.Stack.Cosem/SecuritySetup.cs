using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Security setup (Blue Book 4.4.7, class_id 64, <b>version 0</b>), e.g. 0.0.43.0.3.255 for
    /// the association of client SAP 48: the view and the controls of one
    /// <see cref="SecurityProfile"/> (policy, suite, system titles, global keys).
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 security_policy (enum, 0 nothing .. 3 all messages
    /// authenticated and encrypted), 3 security_suite (enum, 0 = AES-GCM-128), 4
    /// client_system_title (octet-string: the configured title, else the last associated
    /// client's, else empty), 5 server_system_title (octet-string). All read-only: the policy
    /// changes through method 1, the keys through method 2.</para>
    /// <para>Methods:</para>
    /// <list type="bullet">
    /// <item>1 security_activate (enum policy): the policy can only be strengthened; a lower value
    /// is read-write-denied, a value above 3 scope-of-access-violated, another type
    /// type-unmatched. The new policy applies from the next request.</item>
    /// <item>2 global_key_transfer (array of structure { key_id enum, key_wrapped octet-string }):
    /// each key (0 global unicast encryption, 1 broadcast, 2 authentication, 3 master) wrapped
    /// with the master key (RFC 3394, 24 bytes). All entries are unwrapped before anything is
    /// kept, so a transfer is all or nothing: malformed parameters type-unmatched, a key id above
    /// 3 scope-of-access-violated, a wrap that does not unwrap with our master key (or no master
    /// key) other-reason. The new keys are staged and take effect when the association ends
    /// (<see cref="SecurityProfile.CommitStagedKeys"/>).</item>
    /// </list>
    /// <para>Who may call the methods is decided by the access rights of each association; the
    /// emulator grants them to the management client with authenticated and encrypted requests only.</para>
    /// </remarks>
    public sealed class SecuritySetup : CosemObject
    {
        /// <summary>The class version implemented.</summary>
        public const byte ClassVersion = 0;

        /// <summary>Attribute indexes of Security setup (Blue Book IC 64, version 0).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>security_policy.</summary>
            public const int SecurityPolicy = 2;

            /// <summary>security_suite.</summary>
            public const int SecuritySuite = 3;

            /// <summary>client_system_title.</summary>
            public const int ClientSystemTitle = 4;

            /// <summary>server_system_title.</summary>
            public const int ServerSystemTitle = 5;
        }

        /// <summary>Method indexes of Security setup (Blue Book IC 64, version 0).</summary>
        public static class Methods
        {
            /// <summary>security_activate.</summary>
            public const int SecurityActivate = 1;

            /// <summary>global_key_transfer.</summary>
            public const int GlobalKeyTransfer = 2;
        }

        /// <summary>Most keys one global_key_transfer may carry (one per key id).</summary>
        public const int MaxKeysPerTransfer = 4;

        private readonly SecurityProfile _profile;
        private readonly byte[] _unwrapped = new byte[MaxKeysPerTransfer * SecurityProfile.KeySize];
        private readonly int[] _keyIds = new int[MaxKeysPerTransfer];

        /// <summary>Creates the object 0.0.43.0.e.255 over <paramref name="profile"/>.</summary>
        /// <exception cref="ArgumentNullException">profile is null.</exception>
        public SecuritySetup(ObisCode logicalName, SecurityProfile profile)
            : base(CosemClassId.SecuritySetup, ClassVersion, logicalName)
        {
            if (profile == null)
            {
                throw new ArgumentNullException();
            }

            _profile = profile;
        }

        /// <summary>The security state this object shows and changes.</summary>
        public SecurityProfile Profile
        {
            get { return _profile; }
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 5; }
        }

        /// <inheritdoc />
        public override int MethodCount
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

            switch (attributeId)
            {
                case Attributes.SecurityPolicy:
                    writer.WriteEnum(_profile.SecurityPolicy);
                    break;
                case Attributes.SecuritySuite:
                    writer.WriteEnum(_profile.SecuritySuite);
                    break;
                case Attributes.ClientSystemTitle:
                    writer.WriteOctetString(_profile.ClientSystemTitle, 0, _profile.HasClientSystemTitle ? SecurityProfile.SystemTitleSize : 0);
                    break;
                case Attributes.ServerSystemTitle:
                    writer.WriteOctetString(_profile.ServerSystemTitle, 0, SecurityProfile.SystemTitleSize);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }

            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }

            return methodId == Methods.SecurityActivate ? SecurityActivate(parameters) : GlobalKeyTransfer(parameters);
        }

        private ActionResult SecurityActivate(AxdrReader parameters)
        {
            byte policy;
            if (parameters.ReadEnum(out policy) != AxdrStatus.Ok)
            {
                return ActionResult.TypeUnmatched;
            }

            if (!SecurityPolicy.IsValid(policy))
            {
                return ActionResult.ScopeOfAccessViolated;
            }

            if (policy < _profile.SecurityPolicy)
            {
                // Version 0: security_activate strengthens the policy, it never weakens it.
                return ActionResult.ReadWriteDenied;
            }

            _profile.SecurityPolicy = policy;
            return ActionResult.Success;
        }

        private ActionResult GlobalKeyTransfer(AxdrReader parameters)
        {
            int count;
            if (parameters.ReadArray(out count) != AxdrStatus.Ok || count < 1)
            {
                return ActionResult.TypeUnmatched;
            }

            if (count > MaxKeysPerTransfer)
            {
                return ActionResult.ScopeOfAccessViolated;
            }

            ActionResult result = ActionResult.Success;
            for (int i = 0; i < count && result == ActionResult.Success; i++)
            {
                result = UnwrapEntry(parameters, i);
            }

            if (result == ActionResult.Success)
            {
                for (int i = 0; i < count; i++)
                {
                    _profile.StageKey(_keyIds[i], _unwrapped, i * SecurityProfile.KeySize);
                }
            }

            Array.Clear(_unwrapped, 0, _unwrapped.Length);
            return result;
        }

        // key_data ::= structure { key_id enum, key_wrapped octet-string }
        private ActionResult UnwrapEntry(AxdrReader parameters, int index)
        {
            int fields;
            byte keyId;
            int offset;
            int length;
            if (parameters.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                || parameters.ReadEnum(out keyId) != AxdrStatus.Ok
                || parameters.ReadOctetString(out offset, out length) != AxdrStatus.Ok
                || length != SecurityProfile.KeySize + AesKeyWrap.Overhead)
            {
                return ActionResult.TypeUnmatched;
            }

            if (keyId > SecurityProfile.MasterKey)
            {
                return ActionResult.ScopeOfAccessViolated;
            }

            _keyIds[index] = keyId;
            if (_profile.UnwrapKey(parameters.Buffer, offset, length, _unwrapped, index * SecurityProfile.KeySize) != SecurityStatus.Ok)
            {
                return ActionResult.OtherReason;
            }

            return ActionResult.Success;
        }
    }
}
