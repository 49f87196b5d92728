using System.Collections.Generic;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class DisconnectControlTests
    {
        private static readonly ObisCode Name = new ObisCode(0, 0, 96, 3, 10, 255);

        private sealed class RecordingHandler : IDisconnectHandler
        {
            public bool Output = true;
            public bool Fail;
            public readonly List<string> Calls = new List<string>();

            public bool ChangeState(DisconnectTrigger trigger, ControlState current, ControlState target)
            {
                Calls.Add(trigger + ":" + current + "->" + target);
                if (Fail)
                {
                    return false;
                }
                Output = target == ControlState.Connected;
                return true;
            }
        }

        private static DisconnectControl Create(ControlMode mode, ControlState state, RecordingHandler? handler = null)
        {
            DisconnectControl d = new DisconnectControl(Name, mode, handler);
            d.Restore(state);
            return d;
        }

        [Fact]
        public void Attributes_NewObject_ConnectedMode1Encodings()
        {
            DisconnectControl d = new DisconnectControl(Name, ControlMode.Mode1, null);

            Assert.Equal("09 06 00 00 60 03 0A FF", CosemTestKit.Get(d, 1));
            Assert.Equal("03 01", CosemTestKit.Get(d, 2));
            Assert.Equal("16 01", CosemTestKit.Get(d, 3));
            Assert.Equal("16 01", CosemTestKit.Get(d, 4));
            Assert.Equal(70, d.ClassId);
            Assert.Equal(0, d.Version);
            Assert.Equal(4, d.AttributeCount);
            Assert.Equal(2, d.MethodCount);
        }

        // The Blue Book control_mode table: (mode, from state, trigger) -> state after; "-" = not allowed.
        [Theory]
        // Mode 1: remote disconnect (b, c), remote reconnect to ready (d), manual e/f, local g.
        [InlineData(ControlMode.Mode1, ControlState.Connected, DisconnectTrigger.RemoteDisconnect, "Disconnected")]
        [InlineData(ControlMode.Mode1, ControlState.ReadyForReconnection, DisconnectTrigger.RemoteDisconnect, "Disconnected")]
        [InlineData(ControlMode.Mode1, ControlState.Disconnected, DisconnectTrigger.RemoteReconnect, "ReadyForReconnection")]
        [InlineData(ControlMode.Mode1, ControlState.ReadyForReconnection, DisconnectTrigger.ManualReconnect, "Connected")]
        [InlineData(ControlMode.Mode1, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "ReadyForReconnection")]
        [InlineData(ControlMode.Mode1, ControlState.Connected, DisconnectTrigger.LocalDisconnect, "ReadyForReconnection")]
        [InlineData(ControlMode.Mode1, ControlState.ReadyForReconnection, DisconnectTrigger.LocalReconnect, "-")]
        [InlineData(ControlMode.Mode1, ControlState.Disconnected, DisconnectTrigger.ManualReconnect, "Disconnected")]
        // Mode 2: remote reconnection is direct (a).
        [InlineData(ControlMode.Mode2, ControlState.Disconnected, DisconnectTrigger.RemoteReconnect, "Connected")]
        [InlineData(ControlMode.Mode2, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "ReadyForReconnection")]
        // Mode 3: no manual disconnection.
        [InlineData(ControlMode.Mode3, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "-")]
        [InlineData(ControlMode.Mode3, ControlState.Disconnected, DisconnectTrigger.RemoteReconnect, "ReadyForReconnection")]
        // Mode 4: direct remote reconnection, no manual disconnection.
        [InlineData(ControlMode.Mode4, ControlState.Disconnected, DisconnectTrigger.RemoteReconnect, "Connected")]
        [InlineData(ControlMode.Mode4, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "-")]
        // Modes 5 and 6: local reconnection (h).
        [InlineData(ControlMode.Mode5, ControlState.ReadyForReconnection, DisconnectTrigger.LocalReconnect, "Connected")]
        [InlineData(ControlMode.Mode5, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "ReadyForReconnection")]
        [InlineData(ControlMode.Mode6, ControlState.ReadyForReconnection, DisconnectTrigger.LocalReconnect, "Connected")]
        [InlineData(ControlMode.Mode6, ControlState.Connected, DisconnectTrigger.ManualDisconnect, "-")]
        // Mode 0: always connected.
        [InlineData(ControlMode.None, ControlState.Connected, DisconnectTrigger.RemoteDisconnect, "-")]
        [InlineData(ControlMode.None, ControlState.Connected, DisconnectTrigger.LocalDisconnect, "-")]
        public void Apply_ControlModeTable_ReachesTheBlueBookState(ControlMode mode, ControlState from, DisconnectTrigger trigger, string expected)
        {
            RecordingHandler handler = new RecordingHandler { Output = from == ControlState.Connected };
            DisconnectControl d = Create(mode, from, handler);

            DisconnectOutcome outcome = d.Apply(trigger);

            if (expected == "-")
            {
                Assert.Equal(DisconnectOutcome.NotAllowed, outcome);
                Assert.Equal(from, d.ControlState);
                Assert.Empty(handler.Calls);
                return;
            }
            Assert.Equal(expected, d.ControlState.ToString());
            Assert.Equal(d.ControlState == ControlState.Connected, d.OutputState);
            if (d.ControlState == from)
            {
                Assert.Equal(DisconnectOutcome.Unchanged, outcome);
                Assert.Empty(handler.Calls);
            }
            else
            {
                Assert.Equal(DisconnectOutcome.Changed, outcome);
                Assert.Equal(new[] { trigger + ":" + from + "->" + expected }, handler.Calls);
                Assert.Equal(d.OutputState, handler.Output);
            }
        }

        [Theory]
        [InlineData(1, "0F 00", 0)]      // remote_disconnect with integer(0)
        [InlineData(2, "0F 00", 1)]      // then remote_reconnect: mode 2 reconnects directly
        public void Methods_RemoteDisconnectThenReconnect_DriveTheOutput(int method, string parameter, int state)
        {
            RecordingHandler handler = new RecordingHandler();
            DisconnectControl d = new DisconnectControl(Name, ControlMode.Mode2, handler);
            if (method == 2)
            {
                Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(d, 1, parameter));
            }

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(d, method, parameter));

            Assert.Equal((ControlState)state, d.ControlState);
            Assert.Equal(state == 1 ? "03 01" : "03 00", CosemTestKit.Get(d, 2));
            Assert.Equal("16 0" + state, CosemTestKit.Get(d, 3));
        }

        [Fact]
        public void RemoteDisconnect_AlreadyDisconnected_SucceedsWithoutCallingTheHandler()
        {
            RecordingHandler handler = new RecordingHandler();
            DisconnectControl d = Create(ControlMode.Mode1, ControlState.Disconnected, handler);

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(d, 1, "0F 00"));

            Assert.Empty(handler.Calls);
        }

        [Fact]
        public void RemoteDisconnect_Mode0_OtherReason()
        {
            DisconnectControl d = new DisconnectControl(Name, ControlMode.None, new RecordingHandler());

            Assert.Equal(ActionResult.OtherReason, CosemTestKit.Invoke(d, 1, "0F 00"));
            Assert.Equal(ControlState.Connected, d.ControlState);
        }

        [Fact]
        public void RemoteDisconnect_SwitchFails_HardwareFaultAndStateKept()
        {
            RecordingHandler handler = new RecordingHandler { Fail = true };
            DisconnectControl d = new DisconnectControl(Name, ControlMode.Mode1, handler);

            Assert.Equal(ActionResult.HardwareFault, CosemTestKit.Invoke(d, 1, "0F 00"));

            Assert.Equal(ControlState.Connected, d.ControlState);
            Assert.True(d.OutputState);
        }

        [Theory]
        [InlineData("03 00")]   // boolean instead of integer(0)
        [InlineData("09 01 00")]
        public void Methods_BadParameter_TypeUnmatched(string parameter)
        {
            DisconnectControl d = new DisconnectControl(Name, ControlMode.Mode1, new RecordingHandler());

            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(d, 1, parameter));
            Assert.Equal(ControlState.Connected, d.ControlState);
        }

        [Theory]
        [InlineData("16 04", DataAccessResult.Success, 4)]
        [InlineData("16 07", DataAccessResult.ScopeOfAccessViolated, 1)]
        [InlineData("11 02", DataAccessResult.TypeUnmatched, 1)]
        public void SetControlMode_ValueChecked(string value, DataAccessResult expected, int mode)
        {
            DisconnectControl d = new DisconnectControl(Name, ControlMode.Mode1, null);

            Assert.Equal(expected, CosemTestKit.Set(d, 4, value));
            Assert.Equal((ControlMode)mode, d.ControlMode);
        }

        [Fact]
        public void SetControlMode_ZeroWhileDisconnected_Refused()
        {
            DisconnectControl d = Create(ControlMode.Mode1, ControlState.Disconnected);

            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(d, 4, "16 00"));
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(d, 2, "03 01"));
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(d, 3, "16 01"));
        }
    }
}
