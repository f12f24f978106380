import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { DisclosuresPage } from '../features/portal/disclosures.page';
import { PortalHomePage } from '../features/portal/portal-home.page';
import { PortalLayout } from '../features/portal/portal-layout';
import { PortalNotFoundPage } from '../features/portal/portal-not-found.page';
import { SearchResultsPage } from '../features/portal/search-results.page';
import { SubjectCardPage } from '../features/portal/subject-card.page';
import { SubjectPage } from '../features/portal/subject.page';
import { VerifyPage } from '../features/portal/verify.page';

// The console is its own chunk: portal visitors never download it.
const ConsoleApp = lazy(() => import('./console-app'));

/** `/console/*` is the staff console; everything else is the public portal's (issue #4). */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalHomePage /> },
      { path: 'search', element: <SearchResultsPage /> },
      { path: 'subjects/:code', element: <SubjectPage /> },
      { path: 'subjects/:code/card', element: <SubjectCardPage /> },
      // One page, two browses: keyed, so that going from one to the other starts afresh.
      { path: 'disclosures', element: <DisclosuresPage key="acts" variant="acts" /> },
      { path: 'serious-dishonesty-list', element: <DisclosuresPage key="lists" variant="lists" /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'verify/:reportNo', element: <VerifyPage /> },
      { path: '*', element: <PortalNotFoundPage /> },
    ],
  },
  {
    path: '/console/*',
    element: (
      <Suspense fallback={<Spin fullscreen tip="正在加载…" />}>
        <ConsoleApp />
      </Suspense>
    ),
  },
]);
