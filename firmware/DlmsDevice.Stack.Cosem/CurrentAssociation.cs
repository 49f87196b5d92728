using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The current association, Association LN 0.0.40.0.0.255 (Blue Book 4.4.4): whoever reads
    /// it sees the Association LN object of the association the request arrived on
    /// (<see cref="CosemContext.Association"/>). One instance serves every association; put it
    /// in each association's object list.
    /// </summary>
    /// <remarks>
    /// Every attribute except logical_name, and every method, is answered by the association
    /// object of the channel (so a SET of attribute 7 changes that association's secret).
    /// Without an <see cref="AssociationLogicalName"/> on the channel the answer is
    /// object-unavailable.
    /// </remarks>
    public sealed class CurrentAssociation : CosemObject
    {
        /// <summary>Attribute indexes of the current association: those of Association LN (Blue Book IC 15, version 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name (0.0.40.0.0.255, answered by this object).</summary>
            public const int LogicalName = AssociationLogicalName.Attributes.LogicalName;

            /// <summary>object_list.</summary>
            public const int ObjectList = AssociationLogicalName.Attributes.ObjectList;

            /// <summary>associated_partners_id.</summary>
            public const int AssociatedPartnersId = AssociationLogicalName.Attributes.AssociatedPartnersId;

            /// <summary>application_context_name.</summary>
            public const int ApplicationContextName = AssociationLogicalName.Attributes.ApplicationContextName;

            /// <summary>xDLMS_context_info.</summary>
            public const int XdlmsContextInfo = AssociationLogicalName.Attributes.XdlmsContextInfo;

            /// <summary>authentication_mechanism_name.</summary>
            public const int AuthenticationMechanismName = AssociationLogicalName.Attributes.AuthenticationMechanismName;

            /// <summary>secret (write only).</summary>
            public const int Secret = AssociationLogicalName.Attributes.Secret;

            /// <summary>association_status.</summary>
            public const int AssociationStatus = AssociationLogicalName.Attributes.AssociationStatus;

            /// <summary>security_setup_reference.</summary>
            public const int SecuritySetupReference = AssociationLogicalName.Attributes.SecuritySetupReference;
        }

        /// <summary>Method indexes of the current association: those of Association LN (Blue Book IC 15, version 1).</summary>
        public static class Methods
        {
            /// <summary>reply_to_HLS_authentication.</summary>
            public const int ReplyToHlsAuthentication = AssociationLogicalName.Methods.ReplyToHlsAuthentication;

            /// <summary>change_HLS_secret.</summary>
            public const int ChangeHlsSecret = AssociationLogicalName.Methods.ChangeHlsSecret;

            /// <summary>add_object.</summary>
            public const int AddObject = AssociationLogicalName.Methods.AddObject;

            /// <summary>remove_object.</summary>
            public const int RemoveObject = AssociationLogicalName.Methods.RemoveObject;
        }

        /// <summary>Creates the current association object 0.0.40.0.0.255 (class 15, version 1).</summary>
        public CurrentAssociation()
            : base(CosemClassId.AssociationLogicalName, AssociationLogicalName.ClassVersion, new ObisCode(0, 0, 40, 0, 0, 255))
        {
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 9; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 4; }
        }

        private static AssociationLogicalName Of(CosemContext context)
        {
            return context != null ? context.Association as AssociationLogicalName : null;
        }

        /// <inheritdoc />
        public override bool BeginArray(int attributeId, int selector, AxdrReader parameters, ArrayCursor cursor, CosemContext context, out DataAccessResult result)
        {
            AssociationLogicalName association = Of(context);
            if (association == null)
            {
                result = DataAccessResult.Success;
                return false;
            }
            return association.BeginArray(attributeId, selector, parameters, cursor, context, out result);
        }

        /// <inheritdoc />
        public override DataAccessResult WriteArrayElement(int attributeId, ArrayCursor cursor, AxdrWriter writer, CosemContext context)
        {
            AssociationLogicalName association = Of(context);
            if (association == null)
            {
                return DataAccessResult.ObjectUnavailable;
            }
            return association.WriteArrayElement(attributeId, cursor, writer, context);
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            AssociationLogicalName association = Of(context);
            if (association == null)
            {
                return DataAccessResult.ObjectUnavailable;
            }
            return association.GetAttribute(attributeId, selector, parameters, writer, context);
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            AssociationLogicalName association = Of(context);
            if (association == null)
            {
                return DataAccessResult.ObjectUnavailable;
            }
            return association.SetAttribute(attributeId, value, context);
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            AssociationLogicalName association = Of(context);
            if (association == null)
            {
                return ActionResult.ObjectUnavailable;
            }
            return association.Invoke(methodId, parameters, returnParameters, context);
        }
    }
}
