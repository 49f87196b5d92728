using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Base of every COSEM interface class instance. An object reads and writes A-XDR straight
    /// from and into the association's buffers and answers with a result code; it never builds
    /// value objects and never throws on bad input.
    /// </summary>
    /// <remarks>
    /// Attribute 1 (logical_name) is answered here for every class. Attributes that can be larger
    /// than one APDU (an object_list, a profile buffer) are also offered element by element
    /// through <see cref="BeginArray"/> / <see cref="WriteArrayElement"/>, so GET-with-block
    /// encodes them from a cursor and memory stays O(block).
    /// </remarks>
    public abstract class CosemObject
    {
        /// <summary>
        /// logical_name (octet-string[6]), attribute 1 of every interface class. The other
        /// attribute and method indexes are nested in each class (<c>Clock.Attributes.Time</c>).
        /// </summary>
        public const int LogicalNameAttribute = 1;

        /// <summary>Creates an object of the given interface class, version and logical name.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="logicalName"/> is null.</exception>
        protected CosemObject(ushort classId, byte version, ObisCode logicalName)
        {
            if (logicalName == null)
            {
                throw new ArgumentNullException();
            }
            ClassId = classId;
            Version = version;
            LogicalName = logicalName;
        }

        /// <summary>Interface class id (Blue Book), e.g. <see cref="CosemClassId.Register"/>.</summary>
        public ushort ClassId { get; private set; }

        /// <summary>Interface class version.</summary>
        public byte Version { get; private set; }

        /// <summary>The object's logical name (attribute 1): the instance given at construction, not a copy.</summary>
        public ObisCode LogicalName { get; private set; }

        /// <summary>Number of attributes of the class, logical_name included.</summary>
        public abstract int AttributeCount { get; }

        /// <summary>Number of methods of the class.</summary>
        public virtual int MethodCount
        {
            get { return 0; }
        }

        /// <summary>
        /// Reads attribute <paramref name="attributeId"/> and writes it as one A-XDR Data value.
        /// </summary>
        /// <param name="attributeId">1-based attribute index.</param>
        /// <param name="selector">Selective access selector; 0 when the request has none.</param>
        /// <param name="parameters">Positioned at the access-parameters Data when <paramref name="selector"/> is not 0; otherwise null.</param>
        /// <param name="writer">Where the value goes. If it overflows, the caller handles it (block transfer or an error).</param>
        /// <param name="context">The association the request arrived on.</param>
        public DataAccessResult GetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (attributeId == LogicalNameAttribute)
            {
                if (selector != 0)
                {
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                writer.WriteObis(LogicalName);
                return DataAccessResult.Success;
            }
            if (attributeId < 1 || attributeId > AttributeCount)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            return OnGetAttribute(attributeId, selector, parameters, writer, context);
        }

        /// <summary>
        /// Writes attribute <paramref name="attributeId"/> from the A-XDR Data value at the reader.
        /// </summary>
        /// <param name="attributeId">1-based attribute index.</param>
        /// <param name="value">Positioned at the Data value; the object consumes exactly one value.</param>
        /// <param name="context">The association the request arrived on.</param>
        public DataAccessResult SetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            if (attributeId <= LogicalNameAttribute || attributeId > AttributeCount)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            return OnSetAttribute(attributeId, value, context);
        }

        /// <summary>
        /// Invokes method <paramref name="methodId"/>.
        /// </summary>
        /// <param name="methodId">1-based method index.</param>
        /// <param name="parameters">Positioned at the method-invocation-parameters Data; null when the request has none.</param>
        /// <param name="returnParameters">Where the method writes its return Data value, if it has one; left empty otherwise.</param>
        /// <param name="context">The association the request arrived on.</param>
        public ActionResult Invoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (methodId < 1 || methodId > MethodCount)
            {
                return ActionResult.ReadWriteDenied;
            }
            return OnInvoke(methodId, parameters, returnParameters, context);
        }

        /// <summary>
        /// The selective-access selectors attribute <paramref name="attributeId"/> supports, as a
        /// bit mask (bit n = selector n), for the object_list access_selectors. 0 = none.
        /// </summary>
        public virtual int GetAccessSelectors(int attributeId)
        {
            return 0;
        }

        /// <summary>
        /// Starts an element-wise read of an array attribute. Returns false when the attribute
        /// is not offered element by element (the caller then uses <see cref="GetAttribute"/>).
        /// On true, <paramref name="result"/> tells whether the selection was valid and
        /// <paramref name="cursor"/> holds the element count and whatever the object needs to
        /// produce the elements later (the request bytes are gone by then).
        /// </summary>
        public virtual bool BeginArray(int attributeId, int selector, AxdrReader parameters, ArrayCursor cursor, CosemContext context, out DataAccessResult result)
        {
            result = DataAccessResult.Success;
            return false;
        }

        /// <summary>
        /// Writes element <see cref="ArrayCursor.Index"/> of an array attribute started with
        /// <see cref="BeginArray"/>. The element must be written whole; the caller provides a
        /// writer large enough for one element and splits it across blocks itself.
        /// </summary>
        public virtual DataAccessResult WriteArrayElement(int attributeId, ArrayCursor cursor, AxdrWriter writer, CosemContext context)
        {
            return DataAccessResult.ReadWriteDenied;
        }

        /// <summary>Class-specific read of attributes 2..AttributeCount.</summary>
        protected abstract DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context);

        /// <summary>Class-specific write of attributes 2..AttributeCount. Default: read-write-denied.</summary>
        protected virtual DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            return DataAccessResult.ReadWriteDenied;
        }

        /// <summary>Class-specific method invocation. Default: read-write-denied.</summary>
        protected virtual ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            return ActionResult.ReadWriteDenied;
        }
    }
}
