import { useEffect } from 'react';
import { Route, Switch } from 'wouter';
import { captureOwnerKeyFromUrl } from '../api/http.ts';
import { EditorPage } from '../pages/EditorPage.tsx';
import { LibraryPage } from '../pages/LibraryPage.tsx';

captureOwnerKeyFromUrl();

export function App() {
  useEffect(() => {
    document.title = 'Flowmap';
  }, []);
  return (
    <Switch>
      <Route path="/m/:id">{(params) => <EditorPage key={params.id} mapId={params.id} />}</Route>
      <Route path="/">
        <LibraryPage />
      </Route>
      <Route>
        <div className="page-message">
          <h1>Not found</h1>
          <p>
            <a href="/">Go to your maps</a>
          </p>
        </div>
      </Route>
    </Switch>
  );
}
