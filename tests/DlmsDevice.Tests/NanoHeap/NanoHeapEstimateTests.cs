using System;
using System.Reflection;
using System.Text;
using DlmsDevice.Benchmarks.NanoHeap;

namespace DlmsDevice.Tests.NanoHeap
{
    /// <summary>
    /// The ESP32 heap estimate of the start-up benchmark (tests/DlmsDevice.Benchmarks/NanoHeap):
    /// nanoCLR's 12-byte-block layout, and a walk that charges each device object once and
    /// platform objects never.
    /// </summary>
    public class NanoHeapEstimateTests
    {
        private sealed class ThreeFields
        {
            public int Number = 1;
            public byte Small = 2;
            public object? Reference;
        }

        private class Base
        {
            public int Inherited = 3;
        }

        private sealed class Derived : Base
        {
            public long Own = 4;
        }

        private enum Small : byte
        {
            A,
        }

        private sealed class Holder
        {
            public object? First;
            public object? Second;
        }

        [Fact]
        public void SizeOf_ClassInstance_HeaderBlockPlusOneBlockPerField()
        {
            Assert.Equal(12 * 4, NanoLayout.SizeOf(new ThreeFields()));
            Assert.Equal(12, NanoLayout.SizeOf(new object()));
        }

        [Fact]
        public void SizeOf_InheritedFields_CountToo()
        {
            Assert.Equal(12 * 3, NanoLayout.SizeOf(new Derived()));
        }

        [Theory]
        [InlineData(typeof(byte), 10, 36)]     // 20 + 10 = 30 -> 3 blocks
        [InlineData(typeof(bool), 0, 24)]      // the header alone: 2 blocks
        [InlineData(typeof(ushort), 6, 36)]    // 20 + 12 = 32
        [InlineData(typeof(int), 10, 60)]      // 20 + 40 = 60
        [InlineData(typeof(long), 1, 36)]      // 20 + 8 = 28
        [InlineData(typeof(DateTime), 2, 36)]  // inline like a long
        [InlineData(typeof(object), 2, 48)]    // 20 + 2 x 12 = 44
        [InlineData(typeof(Small), 4, 24)]     // an enum packs as its underlying type
        public void ArrayBytes_HeaderPlusPackedElements_RoundedToBlocks(Type element, int length, int expected)
        {
            Assert.Equal(expected, NanoLayout.ArrayBytes(element, length));
            Assert.Equal(expected, NanoLayout.SizeOf(Array.CreateInstance(element, length)));
        }

        [Fact]
        public void String_LiteralPointsIntoTheAssembly_RuntimeStringHoldsItsUtf8Bytes()
        {
            Assert.Equal(24, NanoLayout.String("DLD"));                          // a literal: the header only
            string built = new StringBuilder().Append("0000").Append("000001").ToString();
            Assert.Null(string.IsInterned(built));
            Assert.Equal(36, NanoLayout.String(built));                           // 16 + 10 + 1 = 27 -> 3 blocks
            Assert.Equal(24, NanoLayout.String(new StringBuilder("ab").ToString()));  // 16 + 2 + 1 = 19
        }

        [Fact]
        public void Add_SharedObjectUnderTwoRoots_ChargedOnce()
        {
            var shared = new byte[10];
            var first = new ThreeFields { Reference = shared };
            var second = new ThreeFields { Reference = shared };
            var walker = new NanoHeapWalker(ThisAssembly);

            long a = walker.Add(first);
            long b = walker.Add(second);

            Assert.Equal(48 + 36, a);
            Assert.Equal(48, b);
            Assert.Equal(3, walker.Objects);
        }

        [Fact]
        public void Add_PlatformObject_NotChargedButListed()
        {
            // A class of neither a portable assembly nor mscorlib stands in for a HAL implementation.
            var walker = new NanoHeapWalker(ThisAssembly);
            var root = new ThreeFields { Reference = new System.Collections.Specialized.StringCollection() };

            long bytes = walker.Add(root);

            Assert.Equal(48, bytes);
            Assert.Contains("System.Collections.Specialized.StringCollection", walker.PlatformTypes);
        }

        [Fact]
        public void Add_HolderRootOfTheCaller_WalkedIntoUncharged()
        {
            var holder = new Holder { First = new int[1], Second = new object() };
            var walker = new NanoHeapWalker(a => false); // no portable assembly: the holder is the caller's

            long bytes = walker.Add(holder);

            Assert.Equal(24 + 12, bytes);          // int[1] (20 + 4) and the object; the holder itself is free
            Assert.DoesNotContain(typeof(Holder).FullName!, walker.PlatformTypes);
        }

        [Fact]
        public void Add_CycleAndArrayOfReferences_EveryObjectOnce()
        {
            var a = new ThreeFields();
            var b = new ThreeFields { Reference = a };
            a.Reference = new object[] { b, a, null! };
            var walker = new NanoHeapWalker(ThisAssembly);

            long bytes = walker.Add(a);

            Assert.Equal(48 + 48 + NanoLayout.ArrayBytes(typeof(object), 3), bytes);
        }

        private static bool ThisAssembly(Assembly assembly) => assembly == typeof(NanoHeapEstimateTests).Assembly;
    }
}
