using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>The services order handlers share, injected as one parameter to keep handler signatures short.</summary>
internal sealed record Env(EmulatorState State, EmulatorOptions Options, OrderLifecycle Lifecycle, OrderCommands Commands);
