using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Runtime
{
    /// <summary>
    /// The slots of one endpoint (the TCP wrapper port, HDLC over TCP, a serial line), built at
    /// start-up: a new connection takes a free slot, and when every slot is taken the oldest
    /// connection without an application association gives way to it, so idle or half-open
    /// connections can never lock the meter's clients out.
    /// </summary>
    /// <remarks>
    /// A connection that has associated keeps its slot; when every slot holds an association,
    /// the new connection is refused (<see cref="Accept"/> returns null and the host closes it).
    /// <see cref="Accept"/> is safe against the slots' own threads closing their connections.
    /// </remarks>
    public sealed class ChannelPool
    {
        private readonly object _sync = new object();
        private readonly DeviceChannel[] _slots;

        /// <summary>A pool over <paramref name="slots"/> (all of one kind, all free).</summary>
        public ChannelPool(DeviceChannel[] slots)
        {
            if (slots == null)
            {
                throw new ArgumentNullException();
            }
            _slots = slots;
        }

        /// <summary>Number of slots.</summary>
        public int Capacity
        {
            get { return _slots.Length; }
        }

        /// <summary>The slot at <paramref name="index"/>.</summary>
        public DeviceChannel this[int index]
        {
            get { return _slots[index]; }
        }

        /// <summary>Slots with a stream attached now.</summary>
        public int AttachedCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _slots.Length; i++)
                {
                    if (_slots[i].IsAttached)
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        /// <summary>
        /// Gives <paramref name="connection"/> a slot: a free one, else the one of the oldest
        /// connection without an association, which is closed (<see cref="CloseReason.Evicted"/>).
        /// </summary>
        /// <param name="connection">The new stream.</param>
        /// <param name="evicted">True when the slot's previous connection gave way (it was closed with <see cref="CloseReason.Evicted"/>).</param>
        /// <returns>The slot now serving <paramref name="connection"/>; null when every slot holds an association (refuse the connection).</returns>
        public DeviceChannel Accept(IByteChannel connection, out bool evicted)
        {
            evicted = false;
            lock (_sync)
            {
                // Two rounds at most: a slot freed by its own thread between the search and the
                // attach is simply taken in the second round.
                for (int round = 0; round < 2; round++)
                {
                    for (int i = 0; i < _slots.Length; i++)
                    {
                        if (!_slots[i].IsAttached && _slots[i].Attach(connection))
                        {
                            return _slots[i];
                        }
                    }
                    DeviceChannel victim = OldestWithoutAssociation();
                    if (victim == null)
                    {
                        return null;
                    }
                    victim.Close(CloseReason.Evicted);
                    if (victim.Attach(connection))
                    {
                        evicted = true;
                        return victim;
                    }
                }
                return null;
            }
        }

        /// <summary>Closes every attached stream (<see cref="CloseReason.Host"/>).</summary>
        public void CloseAll()
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i].Close(CloseReason.Host);
            }
        }

        private DeviceChannel OldestWithoutAssociation()
        {
            DeviceChannel oldest = null;
            for (int i = 0; i < _slots.Length; i++)
            {
                DeviceChannel slot = _slots[i];
                if (slot.IsAttached && !slot.IsAssociated && (oldest == null || slot.OpenedAt < oldest.OpenedAt))
                {
                    oldest = slot;
                }
            }
            return oldest;
        }
    }
}
