import { api } from './api-client';
import type { Department, DepartmentList } from './types';

export async function listDepartments(): Promise<Department[]> {
  return (await api.get<DepartmentList>('/departments')).departments;
}

export function addDepartment(input: { uscc: string; name: string }): Promise<Department> {
  return api.post<Department>('/departments', input);
}
