using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>
    /// One interface class a definition can use: its id and the version the stack serves, its
    /// name in definitions, the C# class whose nested <c>Attributes</c>/<c>Methods</c> constants
    /// the generated code names, the Blue Book names of its attributes and methods (what access
    /// rules and capture objects say), and the <see cref="ObjectKind"/> that reads the
    /// class-specific properties of an object and builds it.
    /// </summary>
    public sealed class CosemClassInfo
    {
        /// <summary>A registration.</summary>
        /// <param name="id">Class id (Blue Book).</param>
        /// <param name="version">The version the stack serves.</param>
        /// <param name="name">Name in definitions ("register").</param>
        /// <param name="typeName">The portable C# class (DlmsDevice.Stack.Cosem) with the nested constants ("Register").</param>
        /// <param name="attributes">Blue Book attribute names in order, from logical_name (attribute 1).</param>
        /// <param name="methods">Blue Book method names in order (method 1 first).</param>
        /// <param name="kind">Reads and builds objects of the class.</param>
        public CosemClassInfo(ushort id, byte version, string name, string typeName, string[] attributes, string[] methods, ObjectKind kind)
        {
            Id = id;
            Version = version;
            Name = name;
            TypeName = typeName;
            Attributes = attributes;
            Methods = methods;
            Kind = kind;
        }

        /// <summary>Class id.</summary>
        public ushort Id { get; }

        /// <summary>The version the stack serves.</summary>
        public byte Version { get; }

        /// <summary>Name in definitions.</summary>
        public string Name { get; }

        /// <summary>The portable C# class that declares the nested Attributes and Methods constants.</summary>
        public string TypeName { get; }

        /// <summary>Blue Book attribute names, attribute 1 first.</summary>
        public IReadOnlyList<string> Attributes { get; }

        /// <summary>Blue Book method names, method 1 first.</summary>
        public IReadOnlyList<string> Methods { get; }

        /// <summary>Reads and builds objects of the class.</summary>
        public ObjectKind Kind { get; }

        /// <summary>The attribute named <paramref name="key"/> (Blue Book name, any case, '-' for '_', or a number); 0 when the class has none such.</summary>
        public int AttributeId(string key) => Find(Attributes, key);

        /// <summary>The method named <paramref name="key"/>; 0 when the class has none such.</summary>
        public int MethodId(string key) => Find(Methods, key);

        /// <summary>The C# expression naming attribute <paramref name="id"/> (<c>Clock.Attributes.Time</c>).</summary>
        public string AttributeExpression(int id) => Expression("Attributes", Attributes, id);

        /// <summary>The C# expression naming method <paramref name="id"/> (<c>Register.Methods.Reset</c>).</summary>
        public string MethodExpression(int id) => Expression("Methods", Methods, id);

        private string Expression(string nested, IReadOnlyList<string> names, int id)
        {
            return id >= 1 && id <= names.Count ? TypeName + "." + nested + "." + Pascal(names[id - 1]) : id.ToString(CultureInfo.InvariantCulture);
        }

        private static int Find(IReadOnlyList<string> names, string key)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                return number >= 1 && number <= names.Count ? number : 0;
            }
            string wanted = key.Replace('-', '_').ToLowerInvariant();
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == wanted)
                {
                    return i + 1;
                }
            }
            return 0;
        }

        /// <summary>logical_name -> LogicalName, reply_to_hls_authentication -> ReplyToHlsAuthentication.</summary>
        internal static string Pascal(string snake)
        {
            return string.Concat(snake.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part.Substring(1)));
        }
    }
}
