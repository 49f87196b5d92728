using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// One annotated field of a frame or APDU: the standard's name for it, the bytes that encode
    /// it, what they mean, and the fields inside it. A tree of these is what <c>dlms translate</c>
    /// and the emulator's <c>--trace</c> print (see <see cref="AnnotationText"/>).
    /// </summary>
    /// <remarks>
    /// A node holds only its own bytes (a tag, a length, a value); the bytes of the fields inside
    /// it belong to its children. A layer heading ("HDLC frame", "xDLMS APDU") has no bytes.
    /// </remarks>
    public sealed class Annotation
    {
        private readonly List<Annotation> _children = new();

        /// <summary>Creates a node.</summary>
        /// <param name="name">The field's name as the standard spells it (e.g. <c>invoke-id-and-priority</c>).</param>
        /// <param name="raw">The bytes that encode this field itself (not its children).</param>
        /// <param name="meaning">What the bytes mean, or null.</param>
        public Annotation(string name, ReadOnlySpan<byte> raw, string? meaning = null)
        {
            Name = name;
            Raw = raw.ToArray();
            Meaning = meaning;
        }

        /// <summary>The field's name.</summary>
        public string Name { get; }

        /// <summary>The bytes of this field itself.</summary>
        public byte[] Raw { get; }

        /// <summary>What the bytes mean.</summary>
        public string? Meaning { get; set; }

        /// <summary>True when the field is broken: a wrong check sequence, a length past the end, a bad tag.</summary>
        public bool IsError { get; set; }

        /// <summary>The fields inside this one, in wire order.</summary>
        public IReadOnlyList<Annotation> Children => _children;

        /// <summary>Adds a child field and returns it.</summary>
        public Annotation Add(string name, ReadOnlySpan<byte> raw, string? meaning = null)
        {
            var child = new Annotation(name, raw, meaning);
            _children.Add(child);
            return child;
        }

        /// <summary>Adds a child field without bytes (a heading) and returns it.</summary>
        public Annotation Add(string name, string? meaning = null) => Add(name, ReadOnlySpan<byte>.Empty, meaning);

        /// <summary>Adds an existing node as a child.</summary>
        public Annotation Add(Annotation child)
        {
            ArgumentNullException.ThrowIfNull(child);
            _children.Add(child);
            return child;
        }

        /// <summary>Adds an error node (a problem found while decoding) and returns it.</summary>
        public Annotation AddError(string message, ReadOnlySpan<byte> raw = default)
        {
            Annotation node = Add("error", raw, message);
            node.IsError = true;
            return node;
        }

        /// <summary>The first descendant (depth first) with this name, or null.</summary>
        public Annotation? Find(string name)
        {
            foreach (Annotation child in _children)
            {
                if (child.Name == name)
                {
                    return child;
                }
                Annotation? inner = child.Find(name);
                if (inner is not null)
                {
                    return inner;
                }
            }
            return null;
        }

        /// <summary>True if this node or any descendant is an error.</summary>
        public bool HasErrors()
        {
            if (IsError)
            {
                return true;
            }
            foreach (Annotation child in _children)
            {
                if (child.HasErrors())
                {
                    return true;
                }
            }
            return false;
        }

        /// <inheritdoc/>
        public override string ToString() => AnnotationText.Render(this);
    }
}
