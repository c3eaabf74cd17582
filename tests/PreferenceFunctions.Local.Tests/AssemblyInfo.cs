// The integration tests start host processes, emulators and durable engines: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
