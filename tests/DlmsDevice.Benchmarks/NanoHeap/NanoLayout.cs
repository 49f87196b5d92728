using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;

namespace DlmsDevice.Benchmarks.NanoHeap
{
    /// <summary>
    /// How many bytes of managed heap nanoCLR (nanoFramework's interpreter, 32-bit target such as
    /// the ESP32) takes for an object, from the runtime's own layout: everything is made of
    /// 12-byte heap blocks (<c>CLR_RT_HeapBlock</c>).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A class instance or a boxed value: one header block plus one block per instance
    ///   field, inherited fields included, whatever the field's type (a byte field takes a
    ///   whole block).</item>
    /// <item>An array: a 20-byte header (<c>CLR_RT_HeapBlock_Array</c>: the block, the element
    ///   count, element type/size/reference flags) plus the elements, rounded up to whole blocks.
    ///   Primitive elements are packed (bool/byte 1, char/short 2, int/float 4, long/double/
    ///   DateTime/TimeSpan 8 bytes; enums as their underlying type); every other element is a
    ///   12-byte block (a reference; a struct element is a reference to a boxed struct).</item>
    /// <item>A string: the 16-byte <c>CLR_RT_HeapBlock_String</c>; a string built at run time
    ///   also holds its UTF-8 bytes and a terminator; a literal points into the assembly in flash.
    ///   A desktop string that is interned is counted as a literal.</item>
    /// <item>A delegate: <c>CLR_RT_HeapBlock_Delegate</c>, a list node (block + two pointers)
    ///   with the type, the method and the target object block: 40 bytes, 4 blocks.</item>
    /// </list>
    /// The figures are what ExtractHeapBlocksForArray / ExtractHeapBlocksForClassOrValueTypes in
    /// nf-interpreter's Execution.cpp reserve; block overheads of the heap clusters themselves are
    /// not counted.
    /// </remarks>
    public static class NanoLayout
    {
        /// <summary>Bytes of one heap block on a 32-bit nanoCLR target.</summary>
        public const int Block = 12;

        /// <summary>Bytes of an array header before its elements.</summary>
        public const int ArrayHeader = 20;

        /// <summary>Bytes of a string header.</summary>
        public const int StringHeader = 16;

        /// <summary>Bytes of a delegate (a single-cast one).</summary>
        public const int Delegate = 4 * Block;

        private static readonly Dictionary<Type, int> s_fieldCounts = new Dictionary<Type, int>();

        /// <summary>The heap bytes of <paramref name="value"/> itself (not of what it references).</summary>
        public static int SizeOf(object value)
        {
            Type type = value.GetType();
            if (value is string text)
            {
                return String(text);
            }
            if (type.IsArray)
            {
                var array = (Array)value;
                return ArrayBytes(type.GetElementType()!, array.Length);
            }
            if (value is System.Delegate)
            {
                return Delegate;
            }
            return Block * (1 + InstanceFieldCount(type));
        }

        /// <summary>An array of <paramref name="length"/> elements of <paramref name="elementType"/>.</summary>
        public static int ArrayBytes(Type elementType, int length)
        {
            return RoundUp(ArrayHeader + (long)length * ElementSize(elementType));
        }

        /// <summary>Bytes one array element of <paramref name="elementType"/> takes.</summary>
        public static int ElementSize(Type elementType)
        {
            if (elementType.IsEnum)
            {
                elementType = Enum.GetUnderlyingType(elementType);
            }
            if (elementType == typeof(bool) || elementType == typeof(byte) || elementType == typeof(sbyte))
            {
                return 1;
            }
            if (elementType == typeof(char) || elementType == typeof(short) || elementType == typeof(ushort))
            {
                return 2;
            }
            if (elementType == typeof(int) || elementType == typeof(uint) || elementType == typeof(float))
            {
                return 4;
            }
            if (elementType == typeof(long) || elementType == typeof(ulong) || elementType == typeof(double)
                || elementType == typeof(DateTime) || elementType == typeof(TimeSpan))
            {
                return 8;
            }
            return Block;
        }

        /// <summary>A string: a literal costs the header only; a string built at run time holds its UTF-8 bytes too.</summary>
        public static int String(string text)
        {
            if (string.IsInterned(text) != null)
            {
                return RoundUp(StringHeader);
            }
            return RoundUp(StringHeader + Encoding.UTF8.GetByteCount(text) + 1);
        }

        /// <summary>Instance fields of <paramref name="type"/> and its base classes (what nanoCLR gives a block each).</summary>
        public static int InstanceFieldCount(Type type)
        {
            lock (s_fieldCounts)
            {
                if (s_fieldCounts.TryGetValue(type, out int cached))
                {
                    return cached;
                }
                int count = 0;
                for (Type? t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
                {
                    count += t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Length;
                }
                s_fieldCounts[type] = count;
                return count;
            }
        }

        /// <summary>Rounds a byte count up to whole heap blocks.</summary>
        public static int RoundUp(long bytes)
        {
            return (int)((bytes + Block - 1) / Block * Block);
        }
    }
}
