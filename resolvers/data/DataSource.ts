// A registered data source as the API shows it: an opaque id, and its stored reader options.
import { toGlobalId } from '../../api/ids';
import type { DataSourceOptions } from '../../api/services/data';
import type { DataSourceResolvers } from '../__generated__/types';

export const DataSource: DataSourceResolvers = {
  id: (row) => toGlobalId('DataSource', row.id),
  options: (row) => row.options as DataSourceOptions,
};
