using System;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// What one association may do with one object: an access mode for every attribute and for
    /// every method, with exceptions for single attributes or methods (the clock's status is
    /// read-only where its time is writable; an association's secret is never readable). A
    /// meter's rights are a table of rules, one row per object and one column per association;
    /// <see cref="AddTo"/> puts a row's cell into that association's object list.
    /// Configuration time only; rules are shared by as many rows as use them.
    /// </summary>
    /// <example>
    /// <code>
    /// AccessRule settable = new AccessRule(AttributeAccess.ReadWrite, MethodAccess.Access)
    ///     .Attribute(Clock.Attributes.Status, AttributeAccess.Read);
    /// settable.AddTo(meterReaderList, clock);
    /// </code>
    /// </example>
    public sealed class AccessRule
    {
        private readonly AttributeAccess _attributes;
        private readonly MethodAccess _methods;
        // Exceptions, in pairs: (id, access); grown at configuration time.
        private int[] _attributeExceptions = new int[0];
        private int[] _methodExceptions = new int[0];

        /// <summary>A rule with <paramref name="attributes"/> for every attribute (logical_name always readable) and <paramref name="methods"/> for every method.</summary>
        public AccessRule(AttributeAccess attributes, MethodAccess methods)
        {
            _attributes = attributes;
            _methods = methods;
        }

        /// <summary>The access of every attribute without an exception.</summary>
        public AttributeAccess Attributes
        {
            get { return _attributes; }
        }

        /// <summary>The access of every method without an exception.</summary>
        public MethodAccess Methods
        {
            get { return _methods; }
        }

        /// <summary>Gives attribute <paramref name="attributeId"/> its own access; returns this rule.</summary>
        public AccessRule Attribute(int attributeId, AttributeAccess access)
        {
            if (attributeId <= CosemObject.LogicalNameAttribute || attributeId > 255)
            {
                throw new ArgumentOutOfRangeException(); // logical_name is always readable
            }
            _attributeExceptions = Append(_attributeExceptions, attributeId, (int)access);
            return this;
        }

        /// <summary>Gives method <paramref name="methodId"/> its own access; returns this rule.</summary>
        public AccessRule Method(int methodId, MethodAccess access)
        {
            if (methodId < 1 || methodId > 255)
            {
                throw new ArgumentOutOfRangeException();
            }
            _methodExceptions = Append(_methodExceptions, methodId, (int)access);
            return this;
        }

        /// <summary>The access this rule gives attribute <paramref name="attributeId"/>.</summary>
        public AttributeAccess GetAttributeAccess(int attributeId)
        {
            if (attributeId == CosemObject.LogicalNameAttribute)
            {
                return AttributeAccess.Read;
            }
            for (int i = 0; i < _attributeExceptions.Length; i += 2)
            {
                if (_attributeExceptions[i] == attributeId)
                {
                    return (AttributeAccess)_attributeExceptions[i + 1];
                }
            }
            return _attributes;
        }

        /// <summary>The access this rule gives method <paramref name="methodId"/>.</summary>
        public MethodAccess GetMethodAccess(int methodId)
        {
            for (int i = 0; i < _methodExceptions.Length; i += 2)
            {
                if (_methodExceptions[i] == methodId)
                {
                    return (MethodAccess)_methodExceptions[i + 1];
                }
            }
            return _methods;
        }

        /// <summary>
        /// Adds <paramref name="obj"/> to <paramref name="list"/> with this rule's rights;
        /// exceptions for attributes or methods the object's class does not have are ignored.
        /// </summary>
        /// <returns>The object's index in the list.</returns>
        public int AddTo(ObjectList list, CosemObject obj)
        {
            int index = list.Add(obj, _attributes, _methods);
            for (int i = 0; i < _attributeExceptions.Length; i += 2)
            {
                if (_attributeExceptions[i] <= obj.AttributeCount)
                {
                    list.SetAttributeAccess(index, _attributeExceptions[i], (AttributeAccess)_attributeExceptions[i + 1]);
                }
            }
            for (int i = 0; i < _methodExceptions.Length; i += 2)
            {
                if (_methodExceptions[i] <= obj.MethodCount)
                {
                    list.SetMethodAccess(index, _methodExceptions[i], (MethodAccess)_methodExceptions[i + 1]);
                }
            }
            return index;
        }

        private static int[] Append(int[] pairs, int id, int access)
        {
            for (int i = 0; i < pairs.Length; i += 2)
            {
                if (pairs[i] == id)
                {
                    pairs[i + 1] = access;
                    return pairs;
                }
            }
            int[] grown = new int[pairs.Length + 2];
            Array.Copy(pairs, grown, pairs.Length);
            grown[pairs.Length] = id;
            grown[pairs.Length + 1] = access;
            return grown;
        }
    }
}
