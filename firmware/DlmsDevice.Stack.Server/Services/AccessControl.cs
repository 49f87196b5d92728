using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// Resolves a descriptor against the association's object list and checks the access rights
    /// the list grants (Blue Book IC 15, object_list access_rights). The one place that decides
    /// object-undefined / object-class-inconsistent / read-write-denied.
    /// </summary>
    /// <remarks>
    /// Rules (docs/services.md):
    /// - no object with that class id and logical name: object-undefined (4), unless an object
    ///   with that logical name but another class exists: object-class-inconsistent (9);
    /// - attribute not readable (GET) or not writable (SET), attribute id out of range, or
    ///   attribute 0: read-write-denied (3);
    /// - method without access or out of range: read-write-denied (3);
    /// - an attribute or method whose access carries security bits (authenticated and/or
    ///   encrypted request, <see cref="AttributeAccess"/>) reached by a request with less
    ///   protection (<see cref="CosemContext.RequestProtection"/>): read-write-denied (3).
    /// </remarks>
    public static class AccessControl
    {
        /// <summary>True when the access mode allows reading (read-only, read-and-write).</summary>
        public static bool CanRead(AttributeAccess access)
        {
            return (access & AttributeAccess.Read) != 0;
        }

        /// <summary>True when the access mode allows writing (write-only, read-and-write).</summary>
        public static bool CanWrite(AttributeAccess access)
        {
            return (access & AttributeAccess.Write) != 0;
        }

        /// <summary>
        /// True when a request protected as <paramref name="requestProtection"/> says (security
        /// control bits 0x10 authenticated, 0x20 encrypted; 0 for a plain request) carries at least
        /// the protection the security bits of <paramref name="access"/> ask for.
        /// </summary>
        public static bool IsProtectedEnough(AttributeAccess access, byte requestProtection)
        {
            return MeetsSecurity((int)access, requestProtection);
        }

        /// <summary>As <see cref="IsProtectedEnough(AttributeAccess, byte)"/> for a method.</summary>
        public static bool IsProtectedEnough(MethodAccess access, byte requestProtection)
        {
            return MeetsSecurity((int)access, requestProtection);
        }

        private static bool MeetsSecurity(int access, byte requestProtection)
        {
            // Access bit 2 (authenticated request) needs SC bit 0x10, bit 3 (encrypted) SC bit 0x20.
            if ((access & (int)AttributeAccess.AuthenticatedRequest) != 0 && (requestProtection & 0x10) == 0)
            {
                return false;
            }

            return (access & (int)AttributeAccess.EncryptedRequest) == 0 || (requestProtection & 0x20) != 0;
        }

        /// <summary>
        /// Index of the object in <paramref name="list"/>, or -1 with the data-access result that
        /// explains why (object-undefined or object-class-inconsistent).
        /// </summary>
        public static int Find(ObjectList list, ushort classId, byte[] buffer, int instanceOffset, out DataAccessResult result)
        {
            if (list == null)
            {
                result = DataAccessResult.ObjectUndefined;
                return -1;
            }
            int index = list.IndexOf(classId, buffer, instanceOffset);
            if (index >= 0)
            {
                result = DataAccessResult.Success;
                return index;
            }
            result = DataAccessResult.ObjectUndefined;
            // The same name under another class id: compare packed values, no ObisCode created.
            long name = ObisCode.Pack(buffer, instanceOffset);
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].LogicalName.Value == name)
                {
                    result = DataAccessResult.ObjectClassInconsistent;
                    break;
                }
            }
            return -1;
        }

        /// <summary>Resolves a GET target; on success <paramref name="target"/> is the object to read.</summary>
        public static DataAccessResult CheckRead(ObjectList list, CosemAttributeDescriptor descriptor, out CosemObject target)
        {
            return Check(list, descriptor, false, 0, out target);
        }

        /// <summary>
        /// Resolves a GET target for a request protected as <paramref name="requestProtection"/>
        /// (<see cref="CosemContext.RequestProtection"/>).
        /// </summary>
        public static DataAccessResult CheckRead(ObjectList list, CosemAttributeDescriptor descriptor, byte requestProtection, out CosemObject target)
        {
            return Check(list, descriptor, false, requestProtection, out target);
        }

        /// <summary>Resolves a SET target; on success <paramref name="target"/> is the object to write.</summary>
        public static DataAccessResult CheckWrite(ObjectList list, CosemAttributeDescriptor descriptor, out CosemObject target)
        {
            return Check(list, descriptor, true, 0, out target);
        }

        /// <summary>Resolves a SET target for a request protected as <paramref name="requestProtection"/>.</summary>
        public static DataAccessResult CheckWrite(ObjectList list, CosemAttributeDescriptor descriptor, byte requestProtection, out CosemObject target)
        {
            return Check(list, descriptor, true, requestProtection, out target);
        }

        /// <summary>Resolves an ACTION target; on success <paramref name="target"/> is the object to invoke.</summary>
        public static ActionResult CheckInvoke(ObjectList list, CosemMethodDescriptor descriptor, out CosemObject target)
        {
            return CheckInvoke(list, descriptor, 0, out target);
        }

        /// <summary>Resolves an ACTION target for a request protected as <paramref name="requestProtection"/>.</summary>
        public static ActionResult CheckInvoke(ObjectList list, CosemMethodDescriptor descriptor, byte requestProtection, out CosemObject target)
        {
            target = null;
            DataAccessResult found;
            int index = Find(list, descriptor.ClassId, descriptor.Buffer, descriptor.InstanceOffset, out found);
            if (index < 0)
            {
                return found == DataAccessResult.ObjectClassInconsistent ? ActionResult.ObjectClassInconsistent : ActionResult.ObjectUndefined;
            }
            MethodAccess access = list.GetMethodAccess(index, descriptor.MethodId);
            if ((access & MethodAccess.Access) == 0 || !IsProtectedEnough(access, requestProtection))
            {
                return ActionResult.ReadWriteDenied;
            }
            target = list[index];
            return ActionResult.Success;
        }

        private static DataAccessResult Check(ObjectList list, CosemAttributeDescriptor descriptor, bool write, byte requestProtection, out CosemObject target)
        {
            target = null;
            DataAccessResult result;
            int index = Find(list, descriptor.ClassId, descriptor.Buffer, descriptor.InstanceOffset, out result);
            if (index < 0)
            {
                return result;
            }
            AttributeAccess access = list.GetAttributeAccess(index, descriptor.AttributeId);
            bool allowed = write ? CanWrite(access) : CanRead(access);
            if (!allowed || !IsProtectedEnough(access, requestProtection))
            {
                return DataAccessResult.ReadWriteDenied;
            }
            target = list[index];
            return DataAccessResult.Success;
        }
    }
}
