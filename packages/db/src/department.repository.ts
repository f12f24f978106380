import type { Sql } from './database';
import { DbError } from './db-error';

export interface DepartmentRow {
  uscc: string;
  name: string;
  created_at: Date;
}

/** 信源部门: a department that submits records, identified by its 统一社会信用代码. */
export interface Department {
  uscc: string;
  name: string;
  createdAt: Date;
}

export function toDepartment(row: DepartmentRow): Department {
  return { uscc: row.uscc, name: row.name, createdAt: row.created_at };
}

export interface NewDepartment {
  uscc: string;
  name: string;
}

/** Registers a department; an existing USCC → DbError 'DEPARTMENT_EXISTS'. */
export async function addDepartment(sql: Sql, input: NewDepartment): Promise<Department> {
  // ON CONFLICT instead of catching 23505: a failed INSERT would abort the caller's transaction.
  const { rows } = await sql.query<DepartmentRow>(
    `insert into departments (uscc, name) values ($1, $2)
     on conflict (uscc) do nothing
     returning uscc, name, created_at`,
    [input.uscc, input.name],
  );
  const row = rows[0];
  if (!row) {
    throw new DbError('DEPARTMENT_EXISTS', `部门 ${input.uscc} 已登记`, { uscc: input.uscc });
  }
  return toDepartment(row);
}

export async function getDepartment(sql: Sql, uscc: string): Promise<Department | undefined> {
  const { rows } = await sql.query<DepartmentRow>('select uscc, name, created_at from departments where uscc = $1', [
    uscc,
  ]);
  return rows[0] && toDepartment(rows[0]);
}

/** All departments by USCC (about 70 in a city: no paging). */
export async function listDepartments(sql: Sql): Promise<Department[]> {
  const { rows } = await sql.query<DepartmentRow>('select uscc, name, created_at from departments order by uscc');
  return rows.map(toDepartment);
}
