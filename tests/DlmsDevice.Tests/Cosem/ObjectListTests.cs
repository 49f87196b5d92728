using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Services.Fakes;

namespace DlmsDevice.Tests.Cosem
{
    public class ObjectListTests
    {
        private static TestValueObject Object(int n, int attributes = 2, ushort classId = 1)
        {
            return new TestValueObject(classId, new ObisCode(0, 0, 96, (byte)(n >> 8), (byte)n, 255), attributes);
        }

        [Fact]
        public void Add_WithoutRights_LogicalNameReadableOnly()
        {
            var list = new ObjectList(4);
            int index = list.Add(Object(1, 3));

            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(index, 1));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(index, 2));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(index, 3));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(index, 0));
            Assert.Equal(MethodAccess.NoAccess, list.GetMethodAccess(index, 1));
        }

        [Fact]
        public void Add_WithRights_EveryAttributeButLogicalNameAndEveryMethod()
        {
            var list = new ObjectList(4);
            var methods = new TestMethodObject(9, new ObisCode(0, 0, 10, 0, 0, 255));
            int index = list.Add(methods, AttributeAccess.ReadWrite, MethodAccess.Access);

            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(index, 1));
            Assert.Equal(AttributeAccess.ReadWrite, list.GetAttributeAccess(index, 2));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(index, 3)); // no attribute 3
            for (int id = 1; id <= 4; id++)
            {
                Assert.Equal(MethodAccess.Access, list.GetMethodAccess(index, id));
            }
            Assert.Equal(MethodAccess.NoAccess, list.GetMethodAccess(index, 5));
            Assert.Equal(MethodAccess.NoAccess, list.GetMethodAccess(index, 0));
        }

        [Fact]
        public void SetAccess_MixedEntries_EachKeepsItsOwnRights()
        {
            var list = new ObjectList(2); // grows twice
            int plain = list.Add(Object(1));
            int rw = list.Add(Object(2, 4), AttributeAccess.ReadWrite, MethodAccess.NoAccess);
            int later = list.Add(Object(3, 3));
            int methods = list.Add(new TestMethodObject(9, new ObisCode(0, 0, 10, 0, 0, 255)), AttributeAccess.Read, MethodAccess.Access);
            list.SetAttributeAccess(later, 3, AttributeAccess.Write);
            list.SetAttributeAccess(rw, 4, AttributeAccess.Read);
            list.SetMethodAccess(methods, 2, MethodAccess.NoAccess);
            int last = list.Add(Object(4));

            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(plain, 2));
            Assert.Equal(AttributeAccess.ReadWrite, list.GetAttributeAccess(rw, 3));
            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(rw, 4));
            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(later, 1));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(later, 2));
            Assert.Equal(AttributeAccess.Write, list.GetAttributeAccess(later, 3));
            Assert.Equal(MethodAccess.Access, list.GetMethodAccess(methods, 1));
            Assert.Equal(MethodAccess.NoAccess, list.GetMethodAccess(methods, 2));
            Assert.Equal(MethodAccess.Access, list.GetMethodAccess(methods, 3));
            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(last, 1));
            Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(last, 2));
            Assert.Equal(5, list.Count);
        }

        [Fact]
        public void Add_ObjectsWithManyAttributes_RightsStorageGrows()
        {
            var list = new ObjectList(3);
            for (int i = 0; i < 40; i++)
            {
                int index = list.Add(Object(i, 20), (i & 1) == 0 ? AttributeAccess.Read : AttributeAccess.ReadWrite, MethodAccess.NoAccess);
                list.SetAttributeAccess(index, 20, AttributeAccess.Write);
            }
            for (int i = 0; i < 40; i++)
            {
                Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(i, 1));
                Assert.Equal((i & 1) == 0 ? AttributeAccess.Read : AttributeAccess.ReadWrite, list.GetAttributeAccess(i, 19));
                Assert.Equal(AttributeAccess.Write, list.GetAttributeAccess(i, 20));
                Assert.Equal(AttributeAccess.NoAccess, list.GetAttributeAccess(i, 21));
            }
        }

        [Theory]
        [InlineData(0, 2)]
        [InlineData(1, 0)]
        [InlineData(1, 3)]
        [InlineData(-1, 1)]
        public void SetAttributeAccess_NoSuchEntryOrAttribute_Throws(int index, int attributeId)
        {
            var list = new ObjectList(4);
            list.Add(Object(1));
            list.Add(Object(2));
            if (index == 0)
            {
                index = 5; // no entry 5
            }
            Assert.Throws<ArgumentOutOfRangeException>(() => list.SetAttributeAccess(index, attributeId, AttributeAccess.Read));
        }

        [Fact]
        public void SetMethodAccess_NoSuchMethod_Throws()
        {
            var list = new ObjectList(4);
            int index = list.Add(Object(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => list.SetMethodAccess(index, 1, MethodAccess.Access));
        }

        [Fact]
        public void Add_Duplicate_Throws()
        {
            var list = new ObjectList(4);
            list.Add(Object(1));
            Assert.Throws<ArgumentException>(() => list.Add(Object(1)));
            list.Add(Object(1, 2, 3)); // same logical name, other class: fine
        }

        [Fact]
        public void IndexOf_ManyObjectsAddedInScrambledOrder_FindsEachAndKeepsTheAdditionOrder()
        {
            var list = new ObjectList(8); // grows several times
            var random = new Random(7);
            var added = new System.Collections.Generic.List<TestValueObject>();
            var seen = new System.Collections.Generic.HashSet<string>();
            while (added.Count < 500)
            {
                var name = new ObisCode((byte)random.Next(3), 0, (byte)random.Next(256), (byte)random.Next(3), (byte)random.Next(256), (byte)(random.Next(2) == 0 ? 255 : random.Next(256)));
                ushort classId = (ushort)(random.Next(3) == 0 ? 1 : random.Next(1, 70));
                if (!seen.Add(classId + "/" + name))
                {
                    continue;
                }
                var obj = new TestValueObject(classId, name);
                Assert.Equal(added.Count, list.Add(obj));
                added.Add(obj);
            }

            byte[] buffer = new byte[8];
            for (int i = 0; i < added.Count; i++)
            {
                Assert.Same(added[i], list[i]);
                Assert.Equal(i, list.IndexOf(added[i].ClassId, added[i].LogicalName));
                added[i].LogicalName.CopyTo(buffer, 1);
                Assert.Equal(i, list.IndexOf(added[i].ClassId, buffer, 1));
            }
            // Absent keys: every neighbour of each present key in class id or in any name byte.
            for (int i = 0; i < added.Count; i++)
            {
                ObisCode n = added[i].LogicalName;
                ushort classId = added[i].ClassId;
                AssertAbsentUnlessAdded(list, seen, (ushort)(classId + 1), n);
                AssertAbsentUnlessAdded(list, seen, (ushort)(classId - 1), n);
                AssertAbsentUnlessAdded(list, seen, classId, new ObisCode(n.A, n.B, n.C, n.D, n.E, (byte)(n.F ^ 1)));
                AssertAbsentUnlessAdded(list, seen, classId, new ObisCode((byte)(n.A + 1), n.B, n.C, n.D, n.E, n.F));
            }
            Assert.Throws<ArgumentException>(() => list.Add(new TestValueObject(added[123].ClassId, added[123].LogicalName)));
        }

        private static void AssertAbsentUnlessAdded(ObjectList list, System.Collections.Generic.HashSet<string> seen, ushort classId, ObisCode name)
        {
            int index = list.IndexOf(classId, name);
            if (seen.Contains(classId + "/" + name))
            {
                Assert.True(index >= 0);
                Assert.Equal(classId, list[index].ClassId);
                Assert.Equal(name, list[index].LogicalName);
            }
            else
            {
                Assert.Equal(-1, index);
            }
        }

        [Fact]
        public void IndexOf_EmptyList_Minus1()
        {
            var list = new ObjectList(4);
            Assert.Equal(-1, list.IndexOf(1, new ObisCode(0, 0, 1, 0, 0, 255)));
            Assert.Equal(-1, list.IndexOf(1, new byte[6], 0));
        }

        // Memory: the access rights of all entries share one buffer, and entries without rights
        // (the logical device directory) store none. Before, every entry allocated two arrays.
        [Fact]
        public void Add_ToLogicalDeviceDirectory_AllocatesNothingPerObject()
        {
            var device = new LogicalDevice(1, "DDV", 200);
            var objects = new TestValueObject[150];
            for (int i = 0; i < objects.Length; i++)
            {
                objects[i] = Object(i + 1, 3);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < objects.Length; i++)
            {
                device.Add(objects[i]);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Same(objects[149], device.Find(1, objects[149].LogicalName));
        }

        [Fact]
        public void Add_WithRightsAfterTheFirst_AllocatesNothingPerObject()
        {
            var list = new ObjectList(200);
            var objects = new TestValueObject[150];
            for (int i = 0; i < objects.Length; i++)
            {
                objects[i] = Object(i + 1, 3);
            }
            list.Add(objects[0], AttributeAccess.Read, MethodAccess.NoAccess); // allocates the shared rights storage

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 1; i < objects.Length; i++)
            {
                list.Add(objects[i], AttributeAccess.Read, MethodAccess.NoAccess);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(AttributeAccess.Read, list.GetAttributeAccess(149, 3));
        }
    }
}
