// The editor arrives with issue #4; until then the built client is a landing page so that
// `pnpm start` serves something honest on its port.
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto' }}>
      <h1>Flowmap</h1>
      <p>
        Real-time collaborative value stream mapping for software delivery. The collaborative editor
        is not built yet; the metrics engine is available from the command line:
      </p>
      <pre>pnpm flowmap template &gt; map.json{'\n'}pnpm flowmap metrics map.json</pre>
    </main>
  );
}
