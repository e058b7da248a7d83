import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { captureOwnerKeyFromUrl } from '../api/http.ts';
import { EditorPage } from '../pages/EditorPage.tsx';
import { LibraryPage } from '../pages/LibraryPage.tsx';

captureOwnerKeyFromUrl();

export function App() {
  const { t } = useTranslation('common');
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
          <h1>{t('notFound.title')}</h1>
          <p>
            <a href="/">{t('notFound.goToMaps')}</a>
          </p>
        </div>
      </Route>
    </Switch>
  );
}
