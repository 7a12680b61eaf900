export { exportRoute as GET } from "@/lib/views/routes";
