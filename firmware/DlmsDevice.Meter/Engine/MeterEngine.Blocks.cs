using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>The ABT block energies and the reactive energy (<see cref="BlockEnergies"/>), when a meter definition names them.</content>
    public sealed partial class MeterEngine
    {
        private BlockEnergies _blocks;

        /// <summary>Active energy import of the last completed load profile block 1.0.1.29.0.255; null unless the configuration names it.</summary>
        public Register BlockEnergyImport
        {
            get { return _blocks == null ? null : _blocks.BlockImport; }
        }

        /// <summary>Active energy export of the last completed load profile block 1.0.2.29.0.255; null unless named.</summary>
        public Register BlockEnergyExport
        {
            get { return _blocks == null ? null : _blocks.BlockExport; }
        }

        /// <summary>Reactive energy 1.0.3.8.0.255 (the magnitude, booked as import), the last checkpoint; null unless named and both channels exist.</summary>
        public Register ReactiveEnergy
        {
            get { return _blocks == null ? null : _blocks.Reactive; }
        }

        /// <summary>Reactive energy of the last completed load profile block 1.0.3.29.0.255; null unless named and both channels exist.</summary>
        public Register BlockReactiveEnergy
        {
            get { return _blocks == null ? null : _blocks.BlockReactive; }
        }

        /// <summary>Reactive energy counted so far (live, may be ahead of the register), mvarh; 0 without it.</summary>
        public long LiveReactiveEnergyMilliVarh
        {
            get { return _blocks == null ? 0 : _blocks.ReactiveMilliVarh; }
        }

        // Only a configuration that names one of them pays for them (the default meter does not:
        // its ESP32 heap is nearly full), as phases 2 and 3 exist only with their channels.
        private void CreateBlockObjects(MeterConfiguration configuration)
        {
            MeterObjectNames names = configuration.Names;
            if (names.IsNamed(EngineQuantity.BlockEnergyImport) || names.IsNamed(EngineQuantity.BlockEnergyExport)
                || names.IsNamed(EngineQuantity.ReactiveEnergy) || names.IsNamed(EngineQuantity.BlockReactiveEnergy))
            {
                _blocks = new BlockEnergies(names, configuration.EnergyScaler, configuration.Voltage != null && configuration.Current != null);
            }
        }

        // Before the analog samples: the last tick's reactive power over the time since.
        private void IntegrateReactive(long mono)
        {
            if (_blocks != null)
            {
                _blocks.Integrate(mono);
            }
        }

        // With the power triangle: P from the pulses of either direction (one is 0).
        private void UpdateReactivePower(double apparent)
        {
            if (_blocks != null)
            {
                _blocks.SetPower(apparent, _powerImportWatts + _powerExportWatts);
            }
        }

        // A load profile boundary, before its checkpoint: the block just closed.
        private void CloseBlock()
        {
            if (_blocks != null)
            {
                _blocks.CloseBlock(_importMilliWh, _exportMilliWh);
            }
        }
    }
}
