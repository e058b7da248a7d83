// The server's telemetry: Prometheus counters, gauges and a latency histogram through prom-client,
// served at /metrics (the metric names are a public contract). "Telemetry" in the code, so the
// word "metrics" keeps meaning the VSM figures (shared/src/metrics). One registry per server
// instance (not the global one), so several servers in one test process never share counters.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export function createTelemetry() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'flowmap_process_' });
  const connections = new Gauge({
    name: 'flowmap_connections',
    help: 'Open websocket sync connections',
    registers: [registry],
  });
  const roomsLoaded = new Gauge({
    name: 'flowmap_rooms_loaded',
    help: 'Map documents loaded in memory',
    registers: [registry],
  });
  const messagesIn = new Counter({
    name: 'flowmap_messages_in_total',
    help: 'Websocket messages received',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const messagesOut = new Counter({
    name: 'flowmap_messages_out_total',
    help: 'Websocket messages sent',
    registers: [registry],
  });
  const writesDropped = new Counter({
    name: 'flowmap_writes_dropped_total',
    help: 'Document writes dropped (view-only connections, invalid updates)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const connectionsRefused = new Counter({
    name: 'flowmap_connections_refused_total',
    help: 'Websocket upgrades refused before any document byte was sent',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const connectionsClosed = new Counter({
    name: 'flowmap_connections_closed_total',
    help: 'Sync connections closed by the server for cause',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const persistenceLatency = new Histogram({
    name: 'flowmap_persistence_latency_seconds',
    help: 'Time to durably store one operation',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    connections,
    roomsLoaded,
    messagesIn,
    messagesOut,
    writesDropped,
    connectionsRefused,
    connectionsClosed,
    persistenceLatency,
  };
}

export type ServerTelemetry = ReturnType<typeof createTelemetry>;
