using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Runtime;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// Channel slots for a meter that is not the default one (a test's stand-in, a replayed
    /// meter): the device runtime's <see cref="ChannelPool"/>s built around sessions the caller
    /// makes, with the links configured from the emulator's options, as
    /// <see cref="MeterDevice"/> does for the default meter.
    /// </summary>
    public sealed class SessionPools : IMeterModel
    {
        private readonly ChannelPool _serial;
        private readonly ChannelPool _wrapper;
        private readonly ChannelPool _hdlc;

        /// <summary>
        /// Builds one serial slot and <see cref="EmulatorOptions.MaxConnections"/> slots for each
        /// TCP endpoint, each around a session from <paramref name="createSession"/>, serialised
        /// on <paramref name="sync"/>.
        /// </summary>
        /// <param name="options">Link sizes and time-outs.</param>
        /// <param name="createSession">Makes the session of one slot.</param>
        /// <param name="sync">The meter's lock.</param>
        /// <param name="clientSaps">HDLC clients allowed to connect (others get DM); null = any.</param>
        public SessionPools(EmulatorOptions options, Func<IApduHandler> createSession, object sync, int[]? clientSaps)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(createSession);
            ChannelSettings settings = CreateSettings(options, clientSaps);
            ISystemClock clock = new SystemClock();
            _serial = Create(ChannelKind.SerialHdlc, 1, createSession, sync, settings, clock);
            _wrapper = Create(ChannelKind.TcpWrapper, options.MaxConnections, createSession, sync, settings, clock);
            _hdlc = Create(ChannelKind.TcpHdlc, options.MaxConnections, createSession, sync, settings, clock);
        }

        /// <inheritdoc />
        public ChannelPool Pool(ChannelKind kind)
        {
            return kind == ChannelKind.SerialHdlc ? _serial : kind == ChannelKind.TcpWrapper ? _wrapper : _hdlc;
        }

        /// <summary>The channel settings the options give (HDLC address, sizes and inactivity; wrapper inactivity; association time-out).</summary>
        public static ChannelSettings CreateSettings(EmulatorOptions options, int[]? clientSaps)
        {
            HdlcSettings hdlc = new HdlcSettings
            {
                PhysicalAddress = options.HdlcPhysicalAddress,
                LogicalDevices = new[] { 1 },
                ClientSaps = clientSaps,
                MaxApduSize = options.MaxApduSize,
                InactivityTimeoutMilliseconds = options.HdlcInactivityTimeoutSeconds * 1000,
            };
            return new ChannelSettings
            {
                MaxApduSize = options.MaxApduSize,
                Hdlc = hdlc,
                WrapperInactivityMilliseconds = options.WrapperInactivityTimeoutSeconds * 1000,
                AssociationTimeoutMilliseconds = options.AssociationTimeoutSeconds * 1000,
            };
        }

        private static ChannelPool Create(ChannelKind kind, int count, Func<IApduHandler> createSession, object sync, ChannelSettings settings, ISystemClock clock)
        {
            DeviceChannel[] slots = new DeviceChannel[count];
            for (int i = 0; i < count; i++)
            {
                slots[i] = new DeviceChannel(kind, createSession(), sync, settings, clock);
            }
            return new ChannelPool(slots);
        }
    }
}
