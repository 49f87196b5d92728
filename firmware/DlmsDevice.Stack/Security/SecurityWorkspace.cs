using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The cryptographic machinery a request needs only while it is being served: a GCM instance
    /// for dedicated keys, the HLS-SHA256 hash state, a work area for the HLS step and the reader
    /// of the ciphered envelope. What must outlive a request (keys, titles, challenges, counters)
    /// stays in each channel's <see cref="SecurityContext"/>; this part is allocated once per
    /// server and shared by every channel's context (about 1.5 KB on an ESP32 instead of that much
    /// per channel).
    /// </summary>
    /// <remarks>
    /// Sharing requires that the contexts using one workspace are never served at the same time:
    /// a server's channels are served one request at a time (the device runtime holds one lock
    /// around every call into a meter's sessions). The dedicated-key cipher is keyed when a
    /// context uses it and remembers which context keyed it, so a context that serves several
    /// ded- requests in a row keys it once; it is wiped when that context's association ends.
    /// </remarks>
    public sealed class SecurityWorkspace
    {
        /// <summary>Size of <see cref="Scratch"/>: a secret of up to 64 bytes, then a 32-byte HLS response.</summary>
        public const int ScratchLength = SecurityContext.MaxChallengeLength + HlsSha256.ResponseLength;

        private readonly Gcm128 _dedicated = new Gcm128();
        private readonly HlsSha256 _sha256 = new HlsSha256();
        private readonly CipheredApdu _apdu = new CipheredApdu();
        private readonly byte[] _scratch = new byte[ScratchLength];
        private readonly byte[] _zeroKey = new byte[SecurityProfile.KeySize];
        private SecurityContext _dedicatedOwner;

        /// <summary>The HLS-SHA256 computation state.</summary>
        public HlsSha256 Sha256
        {
            get { return _sha256; }
        }

        /// <summary>A work area for the HLS step; whoever uses it clears it afterwards.</summary>
        public byte[] Scratch
        {
            get { return _scratch; }
        }

        /// <summary>The envelope of the ciphered APDU being read.</summary>
        public CipheredApdu Envelope
        {
            get { return _apdu; }
        }

        /// <summary>
        /// The dedicated-key cipher keyed with <paramref name="key"/> (16 bytes) on behalf of
        /// <paramref name="owner"/>; keyed again only when another context (or another key of the
        /// same context, after <see cref="Forget"/>) used it last.
        /// </summary>
        public Gcm128 Dedicated(SecurityContext owner, byte[] key)
        {
            if (_dedicatedOwner != owner)
            {
                _dedicated.SetKey(key, 0);
                _dedicatedOwner = owner;
            }
            return _dedicated;
        }

        /// <summary>
        /// <paramref name="owner"/>'s dedicated key is gone (association ended) or replaced: if the
        /// cipher holds it, its key schedule is overwritten (keyed with zeros), so the key does not
        /// outlive its association and the next use keys it again.
        /// </summary>
        public void Forget(SecurityContext owner)
        {
            if (_dedicatedOwner != owner || owner == null)
            {
                return;
            }
            _dedicated.SetKey(_zeroKey, 0);
            _dedicatedOwner = null;
        }

        /// <summary>Clears <see cref="Scratch"/>.</summary>
        public void ClearScratch()
        {
            Array.Clear(_scratch, 0, _scratch.Length);
        }
    }
}
