using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DlmsDevice.Benchmarks.NanoHeap
{
    /// <summary>
    /// Estimates the nanoCLR heap an object graph takes on a device by walking it on desktop .NET:
    /// every object reachable from the roots through the fields of portable types, sized with
    /// <see cref="NanoLayout"/>, each object once across all roots (so the second of two roots is
    /// charged only for what it adds).
    /// </summary>
    /// <remarks>
    /// The walk follows only objects the device would hold too: instances of the portable
    /// assemblies (the same classes run on the device), and the arrays, strings, delegates,
    /// boxed values and plain objects they reference. An object of any other assembly is a
    /// platform part (a simulated pulse counter, a desktop file medium, a socket): the device has
    /// its own implementation of that HAL interface, so it is not charged; its type is listed in
    /// <see cref="PlatformTypes"/>. A mscorlib class other than those (e.g. an ArrayList) is
    /// charged with the class rule and listed in <see cref="ApproximatedTypes"/>: nano's mscorlib
    /// lays it out differently.
    /// </remarks>
    public sealed class NanoHeapWalker
    {
        private readonly HashSet<object> _seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        private readonly Func<Assembly, bool> _portable;
        private readonly Dictionary<string, long> _byType = new Dictionary<string, long>();
        private readonly Dictionary<string, int> _countByType = new Dictionary<string, int>();

        /// <summary>Creates a walker for which <paramref name="portable"/> tells the portable assemblies.</summary>
        public NanoHeapWalker(Func<Assembly, bool> portable)
        {
            _portable = portable;
        }

        /// <summary>A walker whose portable assemblies are those named DlmsDevice.Hal, DlmsDevice.Stack*, DlmsDevice.Meter, DlmsDevice.Runtime and DlmsDevice.Firmware.</summary>
        public static NanoHeapWalker ForDlmsDevice()
        {
            return new NanoHeapWalker(IsDlmsDevicePortable);
        }

        /// <summary>True for the project's portable assemblies (the ones NanoCheck compiles for the device).</summary>
        public static bool IsDlmsDevicePortable(Assembly assembly)
        {
            string name = assembly.GetName().Name ?? "";
            return name == "DlmsDevice.Hal" || name == "DlmsDevice.Meter" || name == "DlmsDevice.Runtime" || name == "DlmsDevice.Firmware"
                || name == "DlmsDevice.Stack" || name.StartsWith("DlmsDevice.Stack.", StringComparison.Ordinal);
        }

        /// <summary>Bytes charged so far, all roots together.</summary>
        public long Total { get; private set; }

        /// <summary>Objects charged so far.</summary>
        public int Objects { get; private set; }

        /// <summary>Types of platform objects met and not charged.</summary>
        public SortedSet<string> PlatformTypes { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>mscorlib classes charged with the class rule although nano's layout may differ.</summary>
        public SortedSet<string> ApproximatedTypes { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Charges everything reachable from <paramref name="root"/> that no earlier root reached;
        /// returns the bytes added. A root that is not a device object (a holder of the caller's)
        /// is walked into without being charged.
        /// </summary>
        public long Add(object? root)
        {
            long before = Total;
            var stack = new Stack<object>();
            if (root != null && !Charged(root.GetType()) && _seen.Add(root))
            {
                // A holder of the benchmark's own (not a device object): walk into it uncharged.
                PlatformTypes.Remove(root.GetType().FullName ?? root.GetType().Name);
                VisitFields(root, stack);
            }
            else
            {
                Visit(root, stack);
            }
            while (stack.Count > 0)
            {
                object current = stack.Pop();
                Type type = current.GetType();
                if (type.IsArray)
                {
                    Type element = type.GetElementType()!;
                    if (!element.IsPrimitive && !element.IsEnum)
                    {
                        foreach (object? item in (Array)current)
                        {
                            Visit(item, stack);
                        }
                    }
                    continue;
                }
                if (current is Delegate d)
                {
                    Visit(d.Target, stack);
                    continue;
                }
                if (current is string || type.IsPrimitive || type.IsEnum)
                {
                    continue;
                }
                VisitFields(current, stack);
            }
            return Total - before;
        }

        private void VisitFields(object current, Stack<object> stack)
        {
            for (Type? t = current.GetType(); t != null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPrimitive && !field.FieldType.IsEnum && !field.FieldType.IsPointer)
                    {
                        Visit(field.GetValue(current), stack);
                    }
                }
            }
        }

        /// <summary>
        /// Charges the static fields of every type of the portable assemblies loaded now (lookup
        /// tables, shared constants objects): nanoCLR keeps a heap block per static field and the
        /// objects they hold. Returns the bytes added.
        /// </summary>
        public long AddStatics()
        {
            long before = Total;
            foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!_portable(assembly))
                {
                    continue;
                }
                foreach (Type type in assembly.GetTypes())
                {
                    if (type.ContainsGenericParameters)
                    {
                        continue;
                    }
                    foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.IsLiteral || (field.Attributes & FieldAttributes.HasFieldRVA) != 0)
                        {
                            continue; // a const or an array initialiser's data: in the assembly, not on the heap
                        }
                        Total += NanoLayout.Block;
                        Add(field.GetValue(null));
                    }
                }
            }
            return Total - before;
        }

        /// <summary>Forgets the per-type figures (the objects already charged stay charged): call between roots to see what each adds.</summary>
        public void ClearByType()
        {
            _byType.Clear();
            _countByType.Clear();
        }

        /// <summary>The charged bytes per type since the last <see cref="ClearByType"/>, largest first.</summary>
        public IEnumerable<(string Type, int Count, long Bytes)> ByType()
        {
            return _byType.OrderByDescending(p => p.Value).Select(p => (p.Key, _countByType[p.Key], p.Value));
        }

        private void Visit(object? value, Stack<object> stack)
        {
            if (value == null || !_seen.Add(value))
            {
                return;
            }
            Type type = value.GetType();
            if (!Charged(type))
            {
                PlatformTypes.Add(type.FullName ?? type.Name);
                return;
            }
            int size = NanoLayout.SizeOf(value);
            Total += size;
            Objects++;
            string name = TypeName(type);
            _byType[name] = _byType.TryGetValue(name, out long bytes) ? bytes + size : size;
            _countByType[name] = _countByType.TryGetValue(name, out int count) ? count + 1 : 1;
            stack.Push(value);
        }

        private bool Charged(Type type)
        {
            if (type.IsArray || type == typeof(string) || type == typeof(object) || type.IsPrimitive || type.IsEnum
                || typeof(Delegate).IsAssignableFrom(type))
            {
                return true;
            }
            if (_portable(type.Assembly))
            {
                return true;
            }
            if (type.Assembly == typeof(object).Assembly && !type.IsValueType)
            {
                ApproximatedTypes.Add(type.FullName ?? type.Name);
                return true;
            }
            return false;
        }

        private static string TypeName(Type type)
        {
            if (type.IsArray)
            {
                return TypeName(type.GetElementType()!) + "[]";
            }
            return type.IsNested ? TypeName(type.DeclaringType!) + "+" + type.Name : type.Name;
        }
    }
}
