// nanoFramework.Runtime.Events: the event dispatcher the GPIO and serial drivers raise their
// events through. The ESP32 code calls none of its types; the assembly is referenced because
// System.Device.Gpio needs it on the device. Declared empty on purpose.
