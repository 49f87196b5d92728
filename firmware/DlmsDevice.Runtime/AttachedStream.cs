using DlmsDevice.Hal;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// The byte channel a channel's link writes to: it stands for whatever stream is attached to
    /// the slot at the moment (a slot outlives its connections; the link is built once with this).
    /// With nothing attached, writes are dropped and reads report a closed stream.
    /// </summary>
    internal sealed class AttachedStream : IByteChannel
    {
        private IByteChannel _target;

        /// <summary>The stream attached now; null when the slot is free.</summary>
        public IByteChannel Target
        {
            get { return _target; }
            set { _target = value; }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            IByteChannel target = _target;
            return target == null ? -1 : target.Read(buffer, offset, count, timeoutMilliseconds);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            IByteChannel target = _target;
            if (target != null)
            {
                target.Write(buffer, offset, count);
            }
        }

        public void Close()
        {
            IByteChannel target = _target;
            if (target != null)
            {
                target.Close();
            }
        }
    }
}
