import { api } from './api-client';
import type { CreateUserInput, User, UserList, UserWithPassword } from './types';

export async function listUsers(): Promise<User[]> {
  return (await api.get<UserList>('/users')).users;
}

/** Creates an account; the answer carries its initial one-time password. */
export function createUser(input: CreateUserInput): Promise<UserWithPassword> {
  return api.post<UserWithPassword>('/users', input);
}

export function setUserDisabled(id: string, disabled: boolean): Promise<User> {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, { disabled });
}

/** Issues a new one-time password; the user must change it at the next login. */
export function resetPassword(id: string): Promise<UserWithPassword> {
  return api.post<UserWithPassword>(`/users/${encodeURIComponent(id)}/reset-password`);
}

/** Removes the account's 动态口令 (lost phone); the user sets it up again. */
export function resetTotp(id: string): Promise<User> {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, { resetTotp: true });
}
