// The SQL of registered data sources, one statement per function named by its verb. The service
// validates names, locations and options; this module only reads and writes rows.
import { Prisma, type PrismaClient } from '../db';

/** A data source row as Prisma returns it. */
export type DataSourceRow = Prisma.DataSourceModel;

export interface NewDataSource {
  id: string;
  name: string;
  kind: DataSourceRow['kind'];
  location: string;
  options: Prisma.InputJsonValue;
  createdAt: Date;
}

export async function insertDataSource(prisma: PrismaClient, source: NewDataSource): Promise<DataSourceRow> {
  return prisma.dataSource.create({ data: source });
}

export async function findDataSource(prisma: PrismaClient, name: string): Promise<DataSourceRow | null> {
  return prisma.dataSource.findUnique({ where: { name } });
}

export async function listDataSources(prisma: PrismaClient): Promise<DataSourceRow[]> {
  return prisma.dataSource.findMany({ orderBy: { name: 'asc' } });
}

/** Deletes the row named `name`; the deleted row, or null when there was none. */
export async function deleteDataSource(prisma: PrismaClient, name: string): Promise<DataSourceRow | null> {
  try {
    return await prisma.dataSource.delete({ where: { name } });
  } catch (err) {
    // P2025: no row to delete (removed concurrently, or never registered).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') return null;
    throw err;
  }
}
