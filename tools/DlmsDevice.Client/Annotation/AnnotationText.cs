using System;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Renders an <see cref="Annotation"/> tree as text: one line per field, indented by depth,
    /// with the field's name, its bytes in hex and their meaning.
    /// </summary>
    /// <example>
    /// <code>
    /// HDLC frame (IEC 62056-46, frame format type 3)
    ///   opening flag                  7E
    ///   frame format                  A0 1A                     type 3, S=0 (last or only segment), frame length 26
    /// </code>
    /// </example>
    public static class AnnotationText
    {
        /// <summary>Width of the name column (indentation included).</summary>
        public const int NameWidth = 40;

        /// <summary>Width of the hex column.</summary>
        public const int HexWidth = 36;

        /// <summary>The most bytes shown in the hex column; longer fields show the first ones and their length.</summary>
        public const int MaxHexBytes = 8;

        /// <summary>Renders the tree; every line ends with '\n'.</summary>
        public static string Render(Annotation root, int indent = 0)
        {
            ArgumentNullException.ThrowIfNull(root);
            var sb = new StringBuilder();
            Write(root, indent, sb);
            return sb.ToString();
        }

        /// <summary>Upper-case hex with a space between bytes.</summary>
        public static string Hex(ReadOnlySpan<byte> bytes)
        {
            var sb = new StringBuilder(bytes.Length * 3);
            for (int i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        private static void Write(Annotation node, int indent, StringBuilder sb)
        {
            var line = new StringBuilder();
            line.Append(' ', indent).Append(node.Name);
            if (node.Raw.Length == 0)
            {
                if (node.Meaning is not null)
                {
                    line.Append(node.Children.Count > 0 ? ": " : "  ").Append(node.Meaning);
                }
            }
            else
            {
                Pad(line, NameWidth);
                string hex = node.Raw.Length <= MaxHexBytes
                    ? Hex(node.Raw)
                    : Hex(node.Raw.AsSpan(0, MaxHexBytes - 1)) + " .. (" + node.Raw.Length.ToString(CultureInfo.InvariantCulture) + " bytes)";
                line.Append(hex);
                if (node.Meaning is not null)
                {
                    Pad(line, NameWidth + HexWidth);
                    line.Append(node.Meaning);
                }
            }
            if (node.IsError)
            {
                line.Append("  <-- !!");
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
            foreach (Annotation child in node.Children)
            {
                Write(child, indent + 2, sb);
            }
        }

        private static void Pad(StringBuilder line, int column)
        {
            if (line.Length < column)
            {
                line.Append(' ', column - line.Length);
            }
            else
            {
                line.Append("  ");
            }
        }
    }
}
