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
    /// - method without access or out of range: read-write-denied (3).
    /// The authenticated access modes (4..6) need a ciphered request and are refused until the
    /// security layer exists.
    /// </remarks>
    public static class AccessControl
    {
        /// <summary>True when the access mode allows reading (read-only, read-and-write).</summary>
        public static bool CanRead(AttributeAccess access)
        {
            return access == AttributeAccess.Read || access == AttributeAccess.ReadWrite;
        }

        /// <summary>True when the access mode allows writing (write-only, read-and-write).</summary>
        public static bool CanWrite(AttributeAccess access)
        {
            return access == AttributeAccess.Write || access == AttributeAccess.ReadWrite;
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
            for (int i = 0; i < list.Count; i++)
            {
                if (list[i].LogicalName.EqualsBytes(buffer, instanceOffset))
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
            return Check(list, descriptor, false, out target);
        }

        /// <summary>Resolves a SET target; on success <paramref name="target"/> is the object to write.</summary>
        public static DataAccessResult CheckWrite(ObjectList list, CosemAttributeDescriptor descriptor, out CosemObject target)
        {
            return Check(list, descriptor, true, out target);
        }

        /// <summary>Resolves an ACTION target; on success <paramref name="target"/> is the object to invoke.</summary>
        public static ActionResult CheckInvoke(ObjectList list, CosemMethodDescriptor descriptor, out CosemObject target)
        {
            target = null;
            DataAccessResult found;
            int index = Find(list, descriptor.ClassId, descriptor.Buffer, descriptor.InstanceOffset, out found);
            if (index < 0)
            {
                return found == DataAccessResult.ObjectClassInconsistent ? ActionResult.ObjectClassInconsistent : ActionResult.ObjectUndefined;
            }
            if (list.GetMethodAccess(index, descriptor.MethodId) != MethodAccess.Access)
            {
                return ActionResult.ReadWriteDenied;
            }
            target = list[index];
            return ActionResult.Success;
        }

        private static DataAccessResult Check(ObjectList list, CosemAttributeDescriptor descriptor, bool write, out CosemObject target)
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
            if (!allowed)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            target = list[index];
            return DataAccessResult.Success;
        }
    }
}
