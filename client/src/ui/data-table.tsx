// antd's Table on its own, for ResponsiveList to load only on a desktop: phones show cards and
// need not download it (~50 kB gzipped).
export { Table as DataTable } from 'antd';
