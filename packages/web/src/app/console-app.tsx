import { Navigate, Route, Routes } from 'react-router';
import { PageResult } from '../components/page-result';
import { ApiKeysPage } from '../features/apikeys/apikeys.page';
import { ArchiveSearchPage } from '../features/archive/archive-search.page';
import { ArchiveSubjectPage } from '../features/archive/archive-subject.page';
import { AuditPage } from '../features/audit/audit.page';
import { ChangePasswordPage } from '../features/auth/change-password.page';
import { LoginPage } from '../features/auth/login.page';
import { TotpPage } from '../features/auth/totp.page';
import { BatchDetailPage } from '../features/batches/batch-detail.page';
import { BatchesPage } from '../features/batches/batches.page';
import { UploadPage } from '../features/batches/upload.page';
import { DepartmentsPage } from '../features/departments/departments.page';
import { UsersPage } from '../features/users/users.page';
import { sectionPath } from '../lib/paths';
import { sectionsFor } from '../lib/roles';
import { SessionProvider, useUser } from '../lib/session';
import { ConsoleLayout } from './console-layout';
import { RequireSection, RequireSession } from './guards';

/** The staff console, mounted at /console/*; paths below are relative to it. */
export default function ConsoleApp() {
  return (
    <SessionProvider>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route element={<ConsoleLayout />}>
            <Route index element={<ConsoleHome />} />
            <Route path="password" element={<ChangePasswordPage />} />
            <Route path="totp" element={<TotpPage />} />
            <Route element={<RequireSection section="users" />}>
              <Route path="users" element={<UsersPage />} />
            </Route>
            <Route element={<RequireSection section="departments" />}>
              <Route path="departments" element={<DepartmentsPage />} />
            </Route>
            <Route element={<RequireSection section="apikeys" />}>
              <Route path="apikeys" element={<ApiKeysPage />} />
            </Route>
            <Route element={<RequireSection section="upload" />}>
              <Route path="upload" element={<UploadPage />} />
            </Route>
            <Route element={<RequireSection section="batches" />}>
              <Route path="batches" element={<BatchesPage />} />
              <Route path="batches/:batchId" element={<BatchDetailPage />} />
            </Route>
            <Route element={<RequireSection section="archive" />}>
              <Route path="archive" element={<ArchiveSearchPage />} />
              <Route path="archive/:code" element={<ArchiveSubjectPage />} />
            </Route>
            <Route element={<RequireSection section="audit" />}>
              <Route path="audit" element={<AuditPage />} />
            </Route>
            <Route path="*" element={<PageResult status="404" title="页面不存在" />} />
          </Route>
        </Route>
      </Routes>
    </SessionProvider>
  );
}

/** /console: the first section of the role. */
function ConsoleHome() {
  const user = useUser();
  const first = sectionsFor(user.role)[0];
  if (first) return <Navigate to={sectionPath(first)} replace />;
  return <PageResult status="info" title={`欢迎，${user.displayName || user.username}`} subTitle="您的角色暂无可用功能。" />;
}
