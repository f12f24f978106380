import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { PortalHomePage } from '../features/portal/portal-home.page';

// The console is its own chunk: portal visitors never download it.
const ConsoleApp = lazy(() => import('./console-app'));

/** `/console/*` is the staff console; everything else is the public portal's (issue #4). */
export const router = createBrowserRouter([
  { path: '/', element: <PortalHomePage /> },
  {
    path: '/console/*',
    element: (
      <Suspense fallback={<Spin fullscreen tip="正在加载…" />}>
        <ConsoleApp />
      </Suspense>
    ),
  },
  { path: '*', element: <PortalHomePage /> },
]);
