import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { GraphQLUpload } from 'graphql-upload-minimal';

export const scalars = { DateTime: DateTimeResolver, JSON: JSONResolver, Upload: GraphQLUpload };
