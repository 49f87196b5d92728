// Reference declarations (never shipped, never run): System.Device.Adc 1.1
// (nanoFramework.System.Device.Adc: AdcController.cs, AdcControllerBase.cs, AdcChannel.cs,
// AdcChannelBase.cs). Bodies only throw.
namespace System.Device.Adc
{
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential,
    }

    public abstract class AdcControllerBase
    {
        protected AdcControllerBase()
        {
            throw new PlatformNotSupportedException();
        }

        public abstract int ChannelCount { get; }

        public abstract AdcChannelMode ChannelMode { get; set; }

        public abstract int MaxValue { get; }

        public abstract int MinValue { get; }

        public abstract int ResolutionInBits { get; }

        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);

        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController()
        {
            throw new PlatformNotSupportedException();
        }

        public override int ChannelCount
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override AdcChannelMode ChannelMode
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public override int MaxValue
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override int MinValue
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override int ResolutionInBits
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override bool IsChannelModeSupported(AdcChannelMode channelMode)
        {
            throw new PlatformNotSupportedException();
        }

        public override AdcChannel OpenChannel(int channelNumber)
        {
            throw new PlatformNotSupportedException();
        }
    }

    public abstract class AdcChannelBase
    {
        protected AdcChannelBase()
        {
            throw new PlatformNotSupportedException();
        }

        public AdcController Controller
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public abstract int ReadValue();

        public double ReadRatio()
        {
            throw new PlatformNotSupportedException();
        }
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        private AdcChannel()
        {
            throw new PlatformNotSupportedException();
        }

        public override int ReadValue()
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }
}
